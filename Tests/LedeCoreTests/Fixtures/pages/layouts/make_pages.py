#!/usr/bin/env python3
"""Builds the extraction test pages: each Wikinews article of the corpus set into the markup of a
common kind of news site (WordPress, Arc-style div bodies, hashed-class React sites, Guardian-like
inline asides, old table layouts, AMP, JSON-LD-only apps ...), with that kind's furniture around and
inside the body. The hand-made reference body is the article's own paragraphs, without headline,
dateline, photo captions and credits, and the Sources/Categories lists.

Run from this folder: python3 make_pages.py ../../corpus/wikinews
The output is committed; the script stays so the pages can be rebuilt and extended.
"""
import html
import pathlib
import sys


def parse(path):
    blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    title, dateline, rest = blocks[0], blocks[1], blocks[2:]
    items = []  # ("p", text) or ("figure", caption, credit)
    i = 0
    while i < len(rest):
        b = rest[i]
        if b in ("Sources", "Categories:", "Related news") or b.startswith("Categories:"):
            break
        nxt = rest[i + 1] if i + 1 < len(rest) else ""
        if nxt.startswith("Image:") or nxt.startswith("Video:"):
            items.append(("figure", b, nxt))
            i += 2
            continue
        if b.startswith("Image:"):
            items.append(("figure", "", b))
        else:
            items.append(("p", b))
        i += 1
    return title, dateline, items


def e(s):
    return html.escape(s, quote=True)


def paragraphs(items):
    return [it[1] for it in items if it[0] == "p"]


NAV = ["World", "Politics", "Business", "Technology", "Science", "Health", "Sport", "Culture", "Opinion"]
TEASERS = [
    ("Council approves budget after late-night session", "Members agreed a spending plan that raises fees for parking and permits, and freezes hiring until spring."),
    ("Rail strike called off as talks resume", "Union leaders said the offer on the table was enough to suspend next week's walkout, but not to end the dispute."),
    ("Scientists map the deepest trench yet", "A survey ship spent four months charting the ocean floor with sonar, finding features never seen before."),
    ("Local bakery wins national award", "The family business, open since 1952, took first prize for its rye bread at the annual competition."),
    ("Storm warning issued for the coast", "Forecasters expect gusts of up to 110 km/h overnight, with the heaviest rain arriving before dawn on Friday."),
    ("Museum reopens after a two-year refit", "Visitors will find new galleries, a rebuilt roof and free entry on the first weekend after the reopening."),
]
COMMENTS = [
    ("kestrel_88", "I have been following this story for a while, and honestly, the coverage elsewhere has been terrible. Thanks for actually laying out what happened, step by step, without the usual spin."),
    ("Margaret P.", "This is exactly why people have stopped trusting institutions. Nobody ever seems to be held responsible, and the same thing will happen again next year, mark my words."),
    ("DaveFromLeeds", "Does anyone know whether there will be a follow-up? The article mentions a review, but there is no date for it, and I would like to know who is going to carry it out."),
    ("observer", "Great reporting. Shared it with my whole family, and we had a long discussion about it at dinner, which does not happen very often these days, I can tell you."),
    ("j.t.", "I disagree with most of the comments here. There are two sides to this, and the article, to its credit, gives both of them a fair hearing, which is more than I expected."),
    ("NightOwl", "Reading this at 3 in the morning and now I cannot sleep. Unbelievable, really. What a world we live in, where something like this passes for normal."),
]


def footer_html():
    return ("<footer class=\"site-footer\"><ul><li><a href=\"/about\">About us</a></li><li><a href=\"/contact\">Contact</a></li>"
            "<li><a href=\"/privacy\">Privacy policy</a></li><li><a href=\"/terms\">Terms of use</a></li></ul>"
            "<p>© 2026 The Daily Courier. All rights reserved. Registered in England and Wales.</p></footer>")


def nav_html(tag="nav", cls="main-nav"):
    links = "".join(f"<li><a href=\"/{n.lower()}\">{n}</a></li>" for n in NAV)
    return f"<{tag} class=\"{cls}\"><ul>{links}</ul></{tag}>"


def teaser_cards(cls="card"):
    return "".join(f"<div class=\"{cls}\"><a href=\"/story/{i}\"><h3>{e(h)}</h3></a><p>{e(t)}</p></div>" for i, (h, t) in enumerate(TEASERS))


def figure(caption, credit, style="plain"):
    cap = e(caption)
    cred = e(credit)
    if style == "bbc":
        return (f"<div data-component=\"image-block\" class=\"ssrcss-1ocoo3l-Wrap\"><figure><div class=\"ssrcss-ab5fd8-StyledFigureContainer\">"
                f"<img src=\"/img/photo.jpg\" alt=\"{cap}\"><span class=\"ssrcss-1bb9jvz-Copyright\">{cred}</span></div>"
                f"<figcaption class=\"ssrcss-1e7ffg9-StyledFigureCaption\">{cap}</figcaption></figure></div>")
    return f"<figure class=\"wp-caption\"><img src=\"/img/photo.jpg\" alt=\"\"><figcaption>{cap} <span class=\"credit\">{cred}</span></figcaption></figure>"


def page(head, body):
    return f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"


def wordpress(title, date, items):
    out = []
    for it in items:
        out.append(f"<p>{e(it[1])}</p>" if it[0] == "p" else figure(it[1], it[2]))
    comments = "".join(
        f"<li class=\"comment\" id=\"comment-{i}\"><article class=\"comment-body\"><footer class=\"comment-meta\"><b class=\"fn\">{e(a)}</b> says:</footer>"
        f"<div class=\"comment-content\"><p>{e(t)}</p></div><div class=\"reply\"><a href=\"#\">Reply</a></div></article></li>"
        for i, (a, t) in enumerate(COMMENTS))
    body = (f"<div id=\"page\" class=\"site\"><a class=\"skip-link screen-reader-text\" href=\"#content\">Skip to content</a>"
            f"<header id=\"masthead\" class=\"site-header\"><p class=\"site-title\"><a href=\"/\">The Daily Courier</a></p>{nav_html()}</header>"
            f"<div id=\"content\" class=\"site-content\"><div id=\"primary\" class=\"content-area\"><main id=\"main\" class=\"site-main\">"
            f"<article id=\"post-4411\" class=\"post-4411 post type-post status-publish hentry\"><header class=\"entry-header\">"
            f"<h1 class=\"entry-title\">{e(title)}</h1><div class=\"entry-meta\"><span class=\"posted-on\">Posted on <time class=\"entry-date published\" datetime=\"2015-09-22T10:00:00+00:00\">{e(date)}</time></span>"
            f" <span class=\"byline\">by <span class=\"author vcard\"><a class=\"url fn n\" href=\"/author/staff\">Staff Reporter</a></span></span></div></header>"
            f"<div class=\"entry-content\">{''.join(out)}"
            f"<div class=\"sharedaddy sd-sharing-enabled\"><h3 class=\"sd-title\">Share this:</h3><ul><li><a href=\"#\">Twitter</a></li><li><a href=\"#\">Facebook</a></li><li><a href=\"#\">Email</a></li></ul></div>"
            f"<div id=\"jp-relatedposts\" class=\"jp-relatedposts\"><h3 class=\"jp-relatedposts-headline\"><em>Related</em></h3>"
            + "".join(f"<div class=\"jp-relatedposts-post\"><h4><a href=\"/p/{i}\">{e(h)}</a></h4><p class=\"jp-relatedposts-post-excerpt\">{e(t)}</p></div>" for i, (h, t) in enumerate(TEASERS[:3]))
            + "</div></div>"
            f"<footer class=\"entry-footer\"><span class=\"cat-links\">Posted in <a href=\"/category/news\">News</a></span> <span class=\"tags-links\">Tagged <a href=\"/tag/a\">local</a>, <a href=\"/tag/b\">politics</a></span></footer></article>"
            f"<div id=\"comments\" class=\"comments-area\"><h2 class=\"comments-title\">6 thoughts on “{e(title)}”</h2><ol class=\"comment-list\">{comments}</ol>"
            f"<div id=\"respond\" class=\"comment-respond\"><h3>Leave a Reply</h3><form><p>Your email address will not be published. Required fields are marked *</p><textarea></textarea></form></div></div>"
            f"</main></div><aside id=\"secondary\" class=\"widget-area\"><section class=\"widget widget_recent_entries\"><h2 class=\"widget-title\">Recent Posts</h2><ul>"
            + "".join(f"<li><a href=\"/r/{i}\">{e(h)}</a></li>" for i, (h, _) in enumerate(TEASERS))
            + f"</ul></section></aside></div>{footer_html()}</div>")
    head = f"<title>{e(title)} &#8211; The Daily Courier</title>\n<meta name=\"generator\" content=\"WordPress 6.4\">"
    return page(head, body)


def arc(title, date, items):
    out = []
    n = 0
    for it in items:
        if it[0] == "p":
            out.append(f"<p class=\"article-body__paragraph\" data-type=\"text\">{e(it[1])}</p>")
            n += 1
            if n == 3:
                out.append("<div class=\"ad-slot ad-slot--inline\" id=\"arcad_inline_1\"><span class=\"ad-label\">Advertisement</span><div class=\"arcad\"></div></div>"
                           "<p class=\"ad-notice\">Story continues below advertisement</p>")
            if n == 5:
                out.append(f"<div class=\"inline-link\"><p><strong>Read more:</strong> <a href=\"/news/rail\">{e(TEASERS[1][0])}</a></p></div>")
        else:
            out.append(figure(it[1], it[2]))
    body = (f"<div id=\"fusion-app\"><div class=\"site-header\">{nav_html('div', 'nav-sections')}"
            f"<div class=\"sign-in\"><a href=\"/account\">Sign in</a> <a class=\"subscribe-btn\" href=\"/subscribe\">Subscribe for $1</a></div></div>"
            f"<div class=\"layout-main\"><div class=\"article-header\"><h1 class=\"headline\">{e(title)}</h1>"
            f"<div class=\"byline-wrapper\"><span class=\"byline__name\">By Staff</span> <span class=\"date\">Published {e(date)}</span></div></div>"
            f"<div class=\"article-body\">{''.join(out)}</div>"
            f"<div class=\"article-tags\"><a href=\"/tags/1\">Government</a><a href=\"/tags/2\">Local news</a></div>"
            f"<div class=\"more-from-section\"><h2>More from News</h2>{teaser_cards('story-card')}</div></div>{footer_html()}</div>")
    head = (f"<title>{e(title)} | Globe Daily</title>\n<meta property=\"og:title\" content=\"{e(title)}\">"
            "\n<meta property=\"article:published_time\" content=\"2016-09-07T12:00:00Z\">")
    return page(head, body)


def bbc(title, date, items):
    out = []
    for it in items:
        if it[0] == "p":
            out.append(f"<div data-component=\"text-block\" class=\"ssrcss-11r1m41-RichTextComponentWrapper\"><div class=\"ssrcss-7uxr49-RichTextContainer\">"
                       f"<p class=\"ssrcss-1q0x1qg-Paragraph\">{e(it[1])}</p></div></div>")
        else:
            out.append(figure(it[1], it[2], "bbc"))
    topics = "".join(f"<li><a href=\"/topics/{n}\">{n}</a></li>" for n in NAV[:4])
    related = "".join(f"<li><a href=\"/news/{i}\"><span>{e(h)}</span></a><time>2 days ago</time></li>" for i, (h, _) in enumerate(TEASERS[:4]))
    body = (f"<div id=\"app\"><header class=\"ssrcss-1c1b0ti-Header\"><div class=\"ssrcss-1ngfb7a-BrandingWrapper\"><a href=\"/\">News</a></div>{nav_html('nav', 'ssrcss-1ms5p5v-Navigation')}</header>"
            f"<div class=\"ssrcss-1ocoo3l-Wrap\"><main id=\"main-content\" class=\"ssrcss-1sb9ahe-Main\"><article class=\"ssrcss-pv1rh6-ArticleWrapper\">"
            f"<header class=\"ssrcss-1eqcsb1-HeadingWrapper\"><h1 id=\"main-heading\" class=\"ssrcss-15xko80-StyledHeading\">{e(title)}</h1></header>"
            f"<div data-component=\"byline-block\" class=\"ssrcss-1xxwyw2-BylineWrapper\"><time datetime=\"2009-05-08T08:00:00.000Z\">{e(date)}</time>"
            f"<div class=\"ssrcss-1uosxi9-Contributor\"><span>By Correspondent</span><span>News reporter</span></div></div>"
            f"{''.join(out)}"
            f"<div data-component=\"tag-list\" class=\"ssrcss-1ozrcfd-TopicListWrapper\"><h2>Related Topics</h2><ul>{topics}</ul></div>"
            f"<section data-component=\"links-block\"><h2>More on this story</h2><ul>{related}</ul></section>"
            f"</article></main></div><footer class=\"ssrcss-1l2hd8r-Footer\"><p>Copyright © 2026 News. The News is not responsible for the content of external sites.</p></footer></div>")
    head = f"<title>{e(title)} - News</title>\n<meta property=\"og:title\" content=\"{e(title)}\">\n<meta name=\"description\" content=\"{e(paragraphs(items)[0][:150])}\">"
    return page(head, body)


def guardian(title, date, items):
    out = []
    n = 0
    for it in items:
        if it[0] == "p":
            out.append(f"<p class=\"dcr-s23rjr\">{e(it[1])}</p>")
            n += 1
            if n == 2:
                out.append(f"<aside data-component=\"rich-link\" class=\"element element-rich-link\"><div><a href=\"/world/2016\">"
                           f"<span class=\"dcr-kicker\">Explainer</span><span>{e(TEASERS[2][0])}</span></a><p>{e(TEASERS[2][1])}</p></div></aside>")
        else:
            out.append(f"<figure class=\"element element-image\" data-component=\"image\"><img src=\"/i.jpg\" alt=\"\"><figcaption><span class=\"dcr-caption\">{e(it[1])}</span> Photograph: {e(it[2].removeprefix('Image: '))}</figcaption></figure>")
    body = (f"<div id=\"bannerandheader\"><header data-component=\"nav2\">{nav_html()}<a href=\"/support\">Support us</a></header></div>"
            f"<main data-layout=\"StandardLayout\"><div class=\"dcr-1aul2ye\"><div data-gu-name=\"headline\"><h1 class=\"dcr-y70mar\">{e(title)}</h1></div>"
            f"<div data-gu-name=\"meta\"><address aria-label=\"Contributor info\"><a rel=\"author\" href=\"/profile/x\">Foreign staff</a></address><details><summary>{e(date)}</summary></details></div>"
            f"<div data-gu-name=\"body\" class=\"dcr-1f6s0wh\"><div id=\"maincontent\" class=\"article-body-commercial-selector article-body-viewer-selector dcr-fp1ya\">{''.join(out)}</div>"
            f"<div id=\"slot-body-end\"><div class=\"contributions__epic\"><h2>… we have a small favour to ask.</h2><p>Tens of millions have placed their trust in our fearless journalism since we started publishing 200 years ago, turning to us in moments of crisis, uncertainty, solidarity and hope. We are not owned by a billionaire or shareholders, so we can give our reporting away for free.</p><p>If there were ever a time to join us, it is now. Every contribution, however big or small, powers our journalism and sustains our future.</p><a href=\"/contribute\">Support us</a></div></div></div></div>"
            f"<section data-component=\"more-on-this-story\"><h2>More on this story</h2>{teaser_cards('dcr-card')}</section></main>{footer_html()}")
    head = f"<title>{e(title)} | World news | The Guardian-like</title>\n<meta property=\"og:title\" content=\"{e(title)}\">"
    return page(head, body)


def table_layout(title, date, items):
    paras = "<br><br>\n".join(e(p) for p in paragraphs(items))
    links = "<br>".join(f"<a href=\"/{n.lower()}.html\">{n}</a>" for n in NAV)
    body = (f"<table width=\"100%\" border=\"0\" cellpadding=\"4\"><tr><td colspan=\"2\" bgcolor=\"#003366\"><font color=\"white\" size=\"5\">The Valley Gazette Online</font></td></tr>"
            f"<tr><td width=\"150\" valign=\"top\" bgcolor=\"#eeeeee\"><font size=\"2\">{links}<br><br><b>Weather</b><br>Sunny, 24°C</font></td>"
            f"<td valign=\"top\"><font face=\"Arial\"><font size=\"5\"><b>{e(title)}</b></font><br><i>{e(date)}</i><br><br>\n{paras}\n<br><br>"
            f"<font size=\"1\">Send this story to a friend | Printer-friendly version</font></font></td></tr>"
            f"<tr><td colspan=\"2\" align=\"center\"><font size=\"1\">Copyright 2006 The Valley Gazette. All rights reserved. Webmaster: webmaster@valley.example</font></td></tr></table>")
    head = f"<title>The Valley Gazette - {e(title)}</title>"
    return page(head, body)


def newsletter(title, date, items):
    out = []
    n = 0
    for it in items:
        if it[0] == "p":
            out.append(f"<p>{e(it[1])}</p>")
            n += 1
            if n == 4:
                out.append("<div class=\"nl-signup-inline\"><h3>Get the morning briefing</h3><p>The day's most important stories, explained, in your inbox before breakfast. Sign up for our free newsletter, and you can unsubscribe at any time, with one click.</p>"
                           "<form><input type=\"email\" placeholder=\"Your email\"><button>Sign up</button></form></div>")
        else:
            out.append(figure(it[1], it[2]))
    most_read = "".join(f"<li><a href=\"/m/{i}\"><h3>{e(h)}</h3><p>{e(t)}</p></a></li>" for i, (h, t) in enumerate(TEASERS))
    body = (f"<div class=\"top-bar\"><a href=\"/\">The Herald</a>{nav_html()}</div>"
            f"<div class=\"cookie-notice\" id=\"cookie-notice\"><p>We use cookies and similar technologies to personalise content and ads, and to analyse our traffic. By clicking Accept, you agree to this.</p><button>Accept</button></div>"
            f"<div class=\"container\"><div class=\"col-main\"><h1>{e(title)}</h1><p class=\"meta\">{e(date)} · 4 min read</p>"
            f"<div class=\"story-text\">{''.join(out)}</div></div>"
            f"<div class=\"col-side\"><section class=\"most-read\"><h2>Most read</h2><ol>{most_read}</ol></section></div></div>{footer_html()}")
    head = f"<title>{e(title)}</title>\n<meta name=\"twitter:title\" content=\"{e(title)}\">"
    return page(head, body)


def quotes(title, date, items):
    out = []
    for it in items:
        if it[0] == "p":
            text = it[1]
            if text.startswith("\"") or text.startswith("“"):
                out.append(f"<blockquote><p>{e(text)}</p></blockquote>")
            else:
                out.append(f"<p>{e(text)}</p>")
        else:
            out.append(figure(it[1], it[2]))
    body = (f"<header>{nav_html()}</header><main><article><h1>{e(title)}</h1><p class=\"dateline\">{e(date)}</p>"
            f"<section class=\"content\">{''.join(out)}</section>"
            f"<section class=\"share\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a></section></article>"
            f"<section class=\"related\"><h2>Related stories</h2>{teaser_cards()}</section></main>{footer_html()}")
    return page(f"<title>{e(title)}</title>", body)


def amp(title, date, items):
    out = []
    for it in items:
        if it[0] == "p":
            out.append(f"<p>{e(it[1])}</p>")
        else:
            out.append(f"<figure><amp-img src=\"/i.jpg\" width=\"600\" height=\"400\" layout=\"responsive\"></amp-img><figcaption>{e(it[1])} {e(it[2])}</figcaption></figure>")
    parts = []
    for i, chunk in enumerate(out):
        parts.append(chunk)
        if i == 2:
            parts.append("<amp-ad width=\"300\" height=\"250\" type=\"doubleclick\" data-slot=\"/1/news\"></amp-ad>")
    body = (f"<amp-sidebar id=\"sidebar\" layout=\"nodisplay\">{nav_html()}</amp-sidebar>"
            f"<header class=\"amp-header\"><button on=\"tap:sidebar.toggle\">Menu</button><a href=\"/\">Metro Wire</a></header>"
            f"<article class=\"amp-article\"><h1 class=\"amp-title\">{e(title)}</h1><div class=\"amp-byline\">{e(date)}</div>"
            f"<div class=\"amp-article-body\">{''.join(parts)}</div></article>"
            f"<div class=\"amp-related\"><h2>Read next</h2>{teaser_cards('amp-card')}</div>{footer_html()}")
    head = f"<title>{e(title)}</title>\n<link rel=\"canonical\" href=\"https://metro.example/story\">\n<script async src=\"https://cdn.ampproject.org/v0.js\"></script>"
    return page(head.replace("<html", "<html amp"), body)


def many_comments(title, date, items):
    out = [f"<p>{e(it[1])}</p>" if it[0] == "p" else figure(it[1], it[2]) for it in items]
    threads = []
    for round_ in range(3):
        for i, (a, t) in enumerate(COMMENTS):
            threads.append(f"<div class=\"user-response\"><div class=\"user-response__author\">{e(a)}{round_ or ''}</div>"
                           f"<div class=\"user-response__text\"><p>{e(t)}</p></div><div class=\"user-response__actions\"><a href=\"#\">Reply</a> <a href=\"#\">Report</a></div></div>")
    body = (f"<header>{nav_html()}</header><div class=\"page\"><div class=\"story\"><h1>{e(title)}</h1><span class=\"when\">{e(date)}</span>"
            f"<div class=\"story__content\">{''.join(out)}</div></div>"
            f"<div class=\"conversation\"><h2>Conversation (18)</h2><p class=\"rules\">Please keep the conversation civil.</p>{''.join(threads)}</div></div>{footer_html()}")
    return page(f"<title>{e(title)} — Bay Chronicle</title>", body)


def jsonld_app(title, date, items):
    import json
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
          "datePublished": "2010-10-09T09:00:00Z", "author": {"@type": "Person", "name": "Wire staff"},
          "articleBody": "\n\n".join(paragraphs(items))}
    ld_text = json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
    head = (f"<title>{e(title)}</title>\n<script type=\"application/ld+json\">{ld_text}</script>"
            "\n<script src=\"/static/app.3f9a1.js\" defer></script>")
    body = ("<div id=\"root\"><div class=\"loading\">Loading…</div></div>"
            "<noscript>You need to enable JavaScript to run this app.</noscript>")
    return page(head, body)


def split_sections(title, date, items):
    ps = paragraphs(items)
    half = len(ps) // 2
    first = "".join(f"<p>{e(p)}</p>" for p in ps[:half])
    second = "".join(f"<p>{e(p)}</p>" for p in ps[half:])
    body = (f"<header>{nav_html()}</header><div class=\"wrapper\"><h1 class=\"title\">{e(title)}</h1><div class=\"date\">{e(date)}</div>"
            f"<div class=\"article-section\">{first}</div>"
            f"<div class=\"advertisement\"><p>Advertisement</p></div>"
            f"<div class=\"related-inline\"><ul><li><a href=\"/x/1\">{e(TEASERS[0][0])}</a></li><li><a href=\"/x/2\">{e(TEASERS[3][0])}</a></li></ul></div>"
            f"<div class=\"article-section\">{second}</div>"
            f"<div class=\"author-bio\"><p>The author has covered education and religion for the paper since 2004, and before that was a correspondent in Rome for eleven years.</p></div></div>{footer_html()}")
    return page(f"<title>{e(title)}</title>\n<meta property=\"og:title\" content=\"{e(title)}\">", body)


def sections_with_headings(title, date, items):
    ps = paragraphs(items)
    out = []
    for i, p in enumerate(ps):
        out.append(f"<p>{e(p)}</p>")
    teasers = "".join(f"<article class=\"teaser\"><h3><a href=\"/t/{i}\">{e(h)}</a></h3><p>{e(t)}</p></article>" for i, (h, t) in enumerate(TEASERS))
    body = (f"<div class=\"header\">{nav_html('div', 'topnav')}</div>"
            f"<div class=\"main-column\"><div class=\"post-wrap\"><h1>{e(title)}</h1><div class=\"meta-info\">{e(date)}</div>"
            f"<div class=\"post-text\">{''.join(out)}</div></div>"
            f"<div class=\"you-may-also-like\"><h2>You may also like</h2>{teasers}</div></div>"
            f"<div class=\"paywall-overlay\"><p>You have read 3 of 5 free articles this month. Subscribe now for unlimited access to award-winning journalism.</p></div>{footer_html()}")
    return page(f"<title>{e(title)}</title>", body)


LAYOUTS = [wordpress, arc, bbc, guardian, table_layout, newsletter, quotes, amp, many_comments, jsonld_app, split_sections, sections_with_headings]


def substack(title, date, items):
    out = []
    for i, p in enumerate(paragraphs(items)):
        out.append(f"<p>{e(p)}</p>")
        if i == 3:
            out.append("<div class=\"subscription-widget-wrap\"><div class=\"subscription-widget show-subscribe\"><div class=\"preamble\"><p class=\"cta-caption\">Thanks for reading The Weekly Dispatch! Subscribe for free to receive new posts and support my work.</p></div><form class=\"subscription-widget-subscribe\"><input type=\"email\"><input type=\"submit\" value=\"Subscribe\"></form></div></div>")
    body = (f"<div id=\"main\"><div class=\"main-menu\"><a href=\"/\">The Weekly Dispatch</a><a href=\"/archive\">Archive</a><a href=\"/about\">About</a></div>"
            f"<div class=\"single-post-container\"><div class=\"container\"><div class=\"single-post\"><div class=\"post-header\"><h1 class=\"post-title\">{e(title)}</h1>"
            f"<div class=\"post-meta\"><a href=\"/p/author\">Dispatch Desk</a><div class=\"pencraft\">{e(date)}</div><div class=\"like-button-container\"><a>12</a></div><a class=\"post-ufi-button\">Share</a></div></div>"
            f"<div class=\"available-content\"><div dir=\"auto\" class=\"body markup\">{''.join(out)}</div></div>"
            f"<div class=\"post-footer\"><div class=\"post-ufi\"><a>Like</a><a>Comment</a><a>Restack</a></div></div>"
            f"<div class=\"single-post-section\"><h4>Discussion about this post</h4><div class=\"comments-page\"><p>No posts</p></div></div>"
            f"<div class=\"post-footer-next\"><h4>Ready for more?</h4><a href=\"/subscribe\">Subscribe</a></div></div></div></div>"
            f"<div class=\"footer-wrap\"><p>© 2026 Dispatch Desk · Privacy · Terms · Collection notice</p><p>Substack is the home for great culture</p></div></div>")
    return page(f"<title>{e(title)} - by Dispatch Desk</title>\n<meta property=\"og:title\" content=\"{e(title)}\">", body)


def reuters_divs(title, date, items):
    out = "".join(f"<div data-testid=\"paragraph-{i}\" class=\"article-body__paragraph__2-BtD text__text__1FZLe\">{e(p)}</div>"
                  for i, p in enumerate(paragraphs(items)))
    body = (f"<header class=\"site-header__container__3xzg8\">{nav_html('nav', 'site-header__nav__2xzTA')}</header>"
            f"<main id=\"main-content\"><div class=\"article__container__2cJgw\"><header class=\"article-header__container__3k2Ch\">"
            f"<h1 data-testid=\"Heading\" class=\"text__heading_3__1kDhc\">{e(title)}</h1><time datetime=\"2016-09-09T05:00:00Z\">{e(date)}</time></header>"
            f"<div class=\"article-body__container__3ypuX\">{out}"
            f"<div class=\"info-content__container__1ECTT\"><p class=\"sign-off\">Our Standards: The Trust Principles.</p></div></div>"
            f"<div class=\"read-next-panel__container\"><h2>Read Next</h2>" + "".join(f"<div class=\"media-story-card\"><a href=\"/n/{i}\">{e(h)}</a><time>3 hours ago</time></div>" for i, (h, _) in enumerate(TEASERS)) + "</div>"
            f"</div></main><footer class=\"site-footer\"><p>All quotes delayed a minimum of 15 minutes. See here for a complete list of exchanges and delays.</p><p>© 2026 News Agency. All rights reserved</p></footer>")
    return page(f"<title>{e(title)} | News Agency</title>", body)


def forbes_like(title, date, items):
    out = []
    for i, p in enumerate(paragraphs(items)):
        out.append(f"<p>{e(p)}</p>")
        if i == 2:
            out.append("<div class=\"vestpocket\" vest-pocket=\"\"><div class=\"top-ad-container\"></div></div>"
                       f"<div class=\"link-embed\"><div class=\"link-embed__content\"><h4>MORE FROM THE MAGAZINE</h4><a href=\"/s/1\">{e(TEASERS[4][0])}</a><a href=\"/s/2\">{e(TEASERS[5][0])}</a></div></div>")
    body = (f"<div class=\"header-wrapper\"><div class=\"header__left\"><button>Menu</button></div><a href=\"/\">MAGAZINE</a><div class=\"header__right\"><a>Subscribe</a><a>Sign In</a></div></div>"
            f"<main><div class=\"article-headline-container\"><div class=\"top-contrib-block\"><div class=\"contrib-byline-author\"><a href=\"/sites/x\">Contributor Name</a></div><div class=\"contrib-byline-type\">Contributor</div></div>"
            f"<h1 class=\"fs-headline speakable-headline\">{e(title)}</h1><div class=\"content-data metrics-text\"><time>{e(date)}</time></div></div>"
            f"<div class=\"body-container\"><div class=\"article-body fs-article fs-responsive-text current-article\">{''.join(out)}"
            f"<p class=\"color-body light-text\">Follow me on Twitter. Check out my website.</p></div></div>"
            f"<div class=\"trending-stories\"><h2>Editors' Picks</h2>{teaser_cards('stream-item')}</div></main>{footer_html()}")
    return page(f"<title>{e(title)}</title>\n<meta property=\"og:title\" content=\"{e(title)}\">\n<meta name=\"author\" content=\"Contributor Name\">", body)


def yahoo_like(title, date, items):
    ps = paragraphs(items)
    out = "".join(f"<p>{e(p)}</p>" for p in ps[:3])
    rest = "".join(f"<p>{e(p)}</p>" for p in ps[3:])
    body = (f"<div id=\"ybar\"><a href=\"/\">Portal</a>{nav_html('ul', 'ybar-nav')}<input placeholder=\"Search the web\"></div>"
            f"<div id=\"module-article\" class=\"caas-container\"><header class=\"caas-header\"><h1>{e(title)}</h1></header>"
            f"<div class=\"caas-attr\"><div class=\"caas-attr-meta\">Wire Service<time>{e(date)}</time>·3 min read</div></div>"
            f"<div class=\"caas-body\">{out}<div class=\"caas-readmore caas-readmore-collapse\"><button>Story continues</button></div>{rest}</div>"
            f"<div class=\"caas-da\"><div class=\"sda-LREC\">Ad</div></div></div>"
            f"<div id=\"recommendations\"><h2>Recommended Stories</h2>" + "".join(f"<li class=\"stream-item\"><a href=\"/r/{i}\"><h3>{e(h)}</h3></a><p>{e(t)}</p><span>Provider · 5h ago</span></li>" for i, (h, t) in enumerate(TEASERS)) + "</div>")
    return page(f"<title>{e(title)}</title>", body)


def microdata(title, date, items):
    out = "".join(f"<p>{e(p)}</p>" if it[0] == "p" else "" for it in items for p in [it[1]])
    body = (f"<div id=\"wrap\"><div id=\"top\"><a href=\"/\">Radio Free Region</a>{nav_html()}</div>"
            f"<div id=\"cols\"><div id=\"left\"><div itemscope itemtype=\"https://schema.org/NewsArticle\"><h2 itemprop=\"headline\">{e(title)}</h2>"
            f"<span itemprop=\"datePublished\" content=\"2014-01-28\">{e(date)}</span>"
            f"<div itemprop=\"articleBody\">{out}</div></div>"
            f"<div class=\"tools\"><a href=\"#\">Print</a> | <a href=\"#\">E-mail</a> | <a href=\"#\">Comment</a></div></div>"
            f"<div id=\"right\"><h3>Latest news</h3>" + "".join(f"<p><a href=\"/l/{i}\">{e(h)}</a><br>{e(t)}</p>" for i, (h, t) in enumerate(TEASERS)) + "</div></div>"
            f"<div id=\"bottom\"><p>Radio Free Region is a private, non-profit broadcaster funded by listeners. Content may be republished with attribution.</p></div></div>")
    return page(f"<title>Radio Free Region | {e(title)}</title>", body)


def cnn_like(title, date, items):
    out = []
    for i, it in enumerate(items):
        if it[0] == "p":
            out.append(f"<p class=\"paragraph inline-placeholder vossi-paragraph\" data-component-name=\"paragraph\">{e(it[1])}</p>")
        else:
            out.append(f"<div class=\"image image__hide-placeholder\" data-component-name=\"image\"><div class=\"image__container\"><img src=\"/x.jpg\"></div><div class=\"image__metadata\"><div class=\"image__caption attribution\"><span>{e(it[1])}</span></div><figcaption class=\"image__credit\">{e(it[2])}</figcaption></div></div>")
        if i == 4:
            out.append(f"<div class=\"related-content related-content--article\" data-component-name=\"related-content\"><span class=\"related-content__label\">Related article</span><a href=\"/rel\"><span class=\"related-content__headline-text\">{e(TEASERS[0][0])}</span></a></div>")
    body = (f"<header class=\"header\">{nav_html('nav', 'header__nav')}</header>"
            f"<section class=\"layout__wrapper\"><div class=\"headline\"><h1 data-editable=\"headlineText\" class=\"headline__text\">{e(title)}</h1>"
            f"<div class=\"headline__footer\"><div class=\"byline\"><span class=\"byline__names\">By Staff Writer</span></div><div class=\"timestamp\">Updated {e(date)}</div></div></div>"
            f"<section class=\"layout__main\"><main class=\"article__main\"><div class=\"article__content-container\"><div class=\"article__content\" data-editable=\"content\">{''.join(out)}</div></div></main></section>"
            f"<section class=\"layout__bottom\"><div class=\"zone\"><h2>Paid Partner Content</h2>{teaser_cards('container__item')}</div></section></section>{footer_html()}")
    return page(f"<title>{e(title)} | News Network</title>\n<meta property=\"og:title\" content=\"{e(title)}\">", body)


HELD_OUT = [substack, reuters_divs, forbes_like, yahoo_like, microdata, cnn_like]


def main():
    source = pathlib.Path(sys.argv[1])
    here = pathlib.Path(__file__).parent
    articles = sorted(source.glob("*.txt"))
    # The held-out layouts were written after the extractor was tuned on LAYOUTS; each takes a
    # different article than the first pass gave that position.
    pairs = list(zip(LAYOUTS, articles)) + list(zip(HELD_OUT, articles[6:] + articles[:6]))
    for layout, path in pairs:
        title, date, items = parse(path)
        name = f"{layout.__name__.replace('_', '-')}--{path.stem}"
        (here / f"{name}.html").write_text(layout(title, date, items), encoding="utf-8")
        (here / f"{name}.body.txt").write_text("\n\n".join(paragraphs(items)) + "\n", encoding="utf-8")
        print(name)


if __name__ == "__main__":
    main()
