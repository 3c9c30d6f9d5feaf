import Foundation
import LedeCore

/// The reading pane's lines: an article's summary or full text, or an entity profile.
///
/// Shared by the renderer and the reducer, which needs the line count to scroll.
public enum ReaderContent {
  public static func lines(_ s: AppState) -> [StyledLine] {
    let width = s.readerWidth
    guard width > 0 else { return [] }
    if let profile = s.reader.profile { return profileLines(profile, width: width) }
    guard let article = s.reader.article else {
      if s.list.loaded && s.list.total == 0 { return emptyLibraryLines(s, width: width) }
      return []
    }
    return articleLines(
      article, mode: s.reader.mode, width: width, bullets: s.bulletsPerArticle, query: s.searchQuery,
      emphasized: s.emphasizedEntity)
  }

  static func lineCount(_ s: AppState) -> Int { lines(s).count }

  /// Lines that contain a hit of the query.
  static func matchLines(_ s: AppState, query: String) -> [Int] {
    let words = SpanStyler.queryWords(query)
    return lines(s).enumerated().compactMap { index, line in
      let text = line.text
      return words.contains { text.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        ? index : nil
    }
  }

  static func articleLines(
    _ article: ArticleDetail, mode: ReaderMode, width: Int, bullets: Int, query: String?, emphasized: String?
  ) -> [StyledLine] {
    var out: [StyledLine] = []
    let match = CellStyle(.searchMatch)
    var title = SpanStyler(article.item.title, base: CellStyle(.title))
    title.applyMatches(of: query, match)
    out += title.wrapped(width: width)
    let meta = bylineText(article.item)
    if !meta.isEmpty { out += SpanStyler(meta, base: CellStyle(.byline)).wrapped(width: width) }
    out.append(StyledLine())
    switch mode {
    case .summary:
      let shown = article.bullets.prefix(bullets)
      if shown.isEmpty {
        out += SpanStyler("No summary for this article; press f for the full text.", base: CellStyle(.dim))
          .wrapped(width: width)
      }
      for bullet in shown {
        var styler = SpanStyler(bullet.text, base: CellStyle(.bullet))
        for h in bullet.highlights {
          guard let range = SpanStyler.characterRange(scalarStart: h.start, scalarEnd: h.end, in: bullet.text) else {
            continue
          }
          let isEmphasized = emphasized != nil && h.entity == emphasized
          styler.apply(range, isEmphasized ? CellStyle(.highlightSelected) : CellStyle(role(for: h.kind)))
        }
        styler.applyMatches(of: query, match)
        out += styler.wrapped(width: width, first: ("• ", CellStyle(.bullet)), rest: "  ")
      }
    case .fullText:
      var first = true
      for paragraph in article.body.components(separatedBy: "\n") {
        let trimmed = paragraph.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
          if !first, out.last != StyledLine() { out.append(StyledLine()) }
          continue
        }
        first = false
        var styler = SpanStyler(trimmed, base: CellStyle(.body))
        if let emphasized {
          let names = [emphasized] + (article.entities.first { $0.name == emphasized }?.aliases ?? [])
          for name in names {
            for range in exactMatches(of: name, in: trimmed) { styler.apply(range, CellStyle(.highlightSelected)) }
          }
        }
        styler.applyMatches(of: query, match)
        out += styler.wrapped(width: width)
      }
      if article.body.isEmpty {
        out += SpanStyler("(no text stored for this article)", base: CellStyle(.dim)).wrapped(width: width)
      }
    }
    return out
  }

  static func role(for kind: HighlightKind) -> Role {
    switch kind {
    case .person: .highlightPerson
    case .organization: .highlightOrganization
    case .number: .highlightNumber
    case .term: .highlightTerm
    }
  }

  /// "Asia Martin · Insider · 2023-04-11".
  static func bylineText(_ item: ArticleItem) -> String {
    var parts: [String] = []
    if let byline = item.byline, !byline.isEmpty { parts.append(byline) }
    let origin = item.feed ?? sourceName(item.source, link: item.link)
    if !origin.isEmpty { parts.append(origin) }
    if let date = item.published { parts.append(isoDay(date)) }
    return parts.joined(separator: " · ")
  }

  /// A short name for where an article came from: the host of a URL, the file name of a path.
  static func sourceName(_ source: String, link: String?) -> String {
    for candidate in [link, source].compactMap({ $0 }) {
      if let url = URL(string: candidate), let host = url.host, !host.isEmpty {
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
      }
    }
    return (source as NSString).lastPathComponent
  }

  /// The UTC calendar day, without a formatter (they are slow to create).
  static func isoDay(_ date: Date) -> String {
    let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(y)-\(pad(m))-\(pad(d))"
  }

  private static func exactMatches(of needle: String, in text: String) -> [Range<Int>] {
    guard !needle.isEmpty else { return [] }
    var out: [Range<Int>] = []
    var searchRange = text.startIndex..<text.endIndex
    while let found = text.range(of: needle, range: searchRange) {
      let start = text.distance(from: text.startIndex, to: found.lowerBound)
      out.append(start..<(start + text.distance(from: found.lowerBound, to: found.upperBound)))
      searchRange = found.upperBound..<text.endIndex
    }
    return out
  }

  static func kindMarker(_ kind: EntityKind) -> (String, Role) {
    switch kind {
    case .person: ("●", .kindPerson)
    case .organization: ("◆", .kindOrganization)
    }
  }

  static func profileLines(_ profile: EntityProfileDetail, width: Int) -> [StyledLine] {
    var out: [StyledLine] = []
    let e = profile.entity
    let (marker, markerRole) = kindMarker(e.kind)
    out += SpanStyler(e.name, base: CellStyle(.title)).wrapped(width: width, first: (marker + " ", CellStyle(markerRole)), rest: "  ")
    let articles = e.articleCount == 1 ? "1 article" : "\(e.articleCount) articles"
    let mentions = e.mentionCount == 1 ? "1 mention" : "\(e.mentionCount) mentions"
    out += SpanStyler("\(e.kind.rawValue) · \(articles) · \(mentions)", base: CellStyle(.byline)).wrapped(width: width)
    if !e.aliases.isEmpty {
      out += SpanStyler("also: " + e.aliases.joined(separator: ", "), base: CellStyle(.byline)).wrapped(width: width)
    }
    out.append(StyledLine())
    if profile.linked.isEmpty {
      out += SpanStyler("No linked people or organizations yet.", base: CellStyle(.dim)).wrapped(width: width)
    } else {
      out.append(StyledLine("Linked", CellStyle(.paneTitle)))
      for link in profile.linked {
        let (m, r) = kindMarker(link.kind)
        var head = "\(link.name) (\(link.weight))"
        if let label = link.label, !label.isEmpty { head += " — \(label)" }
        out += SpanStyler(head, base: CellStyle(.bullet)).wrapped(width: width, first: (m + " ", CellStyle(r)), rest: "  ")
        for sentence in link.evidence.prefix(2) {
          out += SpanStyler("“\(sentence)”", base: CellStyle(.dim)).wrapped(width: width, first: ("  ", CellStyle(.dim)), rest: "  ")
        }
      }
    }
    out.append(StyledLine())
    out += SpanStyler("Esc goes back to all articles.", base: CellStyle(.dim)).wrapped(width: width)
    return out
  }

  static func emptyLibraryLines(_ s: AppState, width: Int) -> [StyledLine] {
    var out: [StyledLine] = []
    switch s.list.source {
    case .all:
      out += SpanStyler("Your library is empty.", base: CellStyle(.title)).wrapped(width: width)
      out.append(StyledLine())
      out += SpanStyler("Add articles from the shell with lede add PATH (files, folders, feed files or http(s) URLs), then start lede again.", base: CellStyle(.body)).wrapped(width: width)
      out.append(StyledLine())
      out += SpanStyler("Or try lede demo for a sample library.", base: CellStyle(.body)).wrapped(width: width)
    case .search(let q):
      out += SpanStyler("No articles match “\(q)”. Esc goes back.", base: CellStyle(.body)).wrapped(width: width)
    case .entity(_, let name):
      out += SpanStyler("No articles mention \(name). Esc goes back.", base: CellStyle(.body)).wrapped(width: width)
    }
    if !s.about.isEmpty {
      out.append(StyledLine())
      for paragraph in s.about.components(separatedBy: "\n") {
        out += SpanStyler(paragraph, base: CellStyle(.dim)).wrapped(width: width)
      }
    }
    return out
  }
}
