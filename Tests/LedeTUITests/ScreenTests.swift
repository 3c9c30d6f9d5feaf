import Foundation
import Testing
@testable import LedeTUI

struct ScreenTests {
  /// Every row of a frame must be exactly as wide as the terminal, or columns drift.
  func expectAligned(_ buffer: CellBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
    for (n, line) in buffer.lines.enumerated() {
      #expect(DisplayWidth.of(line) == buffer.width, "row \(n) is \(DisplayWidth.of(line)) wide: \(line)", sourceLocation: sourceLocation)
    }
  }

  @Test("the seed article's screen at 80×24")
  func seed80x24() {
    let runtime = Sample.runtime(Sample.library(), cols: 80, rows: 24)
    let screen = render(runtime.state)
    expectAligned(screen)
    #expect(screen.trimmedLines == [
      "┌ Articles (8) ──────────┬ Summary ───────────────────────────┬ People & orgs ─┐",
      "│• Elon Musk's AI ambiti…│ Elon Musk's AI ambitions for       │● Elon Musk    4│",
      "│• OpenAI unveils a new …│ Twitter show that some of the      │◆ Twitter      3│",
      "│• Rain expected over th…│ people calling for the tech to     │◆ OpenAI       2│",
      "│• Musk buys another com…│ 'pause' seem to be acting out of   │● Reid Hoffman 1│",
      "│  Local story number 1  │ their own self-interest            │                │",
      "│  Local story number 2  │ Asia Martin · Insider · 2023-04-11 │                │",
      "│  Local story number 3  │                                    │                │",
      "│  Local story number 4  │ • Elon Musk-owned Twitter          │                │",
      "│                        │   purchased 10,000 GPUs,           │                │",
      "│                        │   apparently to get into the       │                │",
      "│                        │   generative AI boom.              │                │",
      "│                        │ • This move goes against Musk's    │                │",
      "│                        │   open-letter plea for companies   │                │",
      "│                        │   to slow down AI development.     │                │",
      "│                        │ • It looks like LinkedIn cofounder │                │",
      "│                        │   Reid Hoffman was right.          │                │",
      "│                        │                                    │                │",
      "│                        │                                    │                │",
      "│                        │                                    │                │",
      "│                        │                                    │                │",
      "│                        │                                    │                │",
      "└────────────────────────┴────────────────────────────────────┴────────────────┘",
      " Tab pane  Enter open  f full text  / search  e entities  ? help  q quit    1/8",
    ])
  }

  @Test("highlights in the bullets take the entity colours")
  func highlights() {
    let runtime = Sample.runtime(Sample.library(), cols: 80, rows: 24)
    let screen = render(runtime.state)
    // Row 8 is "• Elon Musk-owned Twitter": the name is a person, Twitter an organization.
    let row = 8, x = runtime.state.layout.reader.x
    #expect(screen[x + 2, row].text == "E")
    #expect(screen[x + 2, row].style.role == .highlightPerson)
    #expect(screen[x + 18, row].text == "T")
    #expect(screen[x + 18, row].style.role == .highlightOrganization)
    #expect(screen[x + 12, row].style.role == .bullet)
    // Unread titles are bold; the selected row uses the selection role.
    #expect(screen[3, 1].style.role == .selection && screen[3, 1].style.bold)
    #expect(screen[3, 5].style.role == .list && !screen[3, 5].style.bold)
  }

  @Test("the three panes at 120×40")
  func wide120x40() {
    let runtime = Sample.runtime(Sample.library(), cols: 120, rows: 40)
    let screen = render(runtime.state)
    expectAligned(screen)
    let lines = screen.trimmedLines
    #expect(lines.count == 40)
    #expect(lines[0] == "┌ Articles (8) ──────────────────────┬ Summary ───────────────────────────────────────────────┬ People & orgs ─────────┐")
    #expect(lines[1] == "│• Elon Musk's AI ambitions for Twit…│ Elon Musk's AI ambitions for Twitter show that some of │● Elon Musk            4│")
    #expect(lines[4] == "│• Musk buys another company         │ Asia Martin · Insider · 2023-04-11                     │● Reid Hoffman         1│")
    #expect(lines[39] == " Tab pane  Enter open  f full text  / search  e entities  ? help  q quit                                            1/8")
  }

  @Test("one pane at a time at 40×10, switched with Tab")
  func small40x10() {
    let runtime = Sample.runtime(Sample.library(), cols: 40, rows: 10)
    var screen = render(runtime.state)
    expectAligned(screen)
    #expect(screen.trimmedLines == [
      "┌ Articles 1/3 · Tab ──────────────────┐",
      "│• Elon Musk's AI ambitions for Twitte…│",
      "│• OpenAI unveils a new model          │",
      "│• Rain expected over the weekend      │",
      "│• Musk buys another company           │",
      "│  Local story number 1                │",
      "│  Local story number 2                │",
      "│  Local story number 3                │",
      "└──────────────────────────────────────┘",
      " Tab pane  Enter open               1/8",
    ])
    runtime.press(.tab)
    screen = render(runtime.state)
    expectAligned(screen)
    #expect(screen.trimmedLines[0] == "┌ Summary 2/3 · Tab ───────────────────┐")
    #expect(screen.trimmedLines[1] == "│Elon Musk's AI ambitions for Twitter  │")
    // The reading pane's text is longer than the pane: its position shows in the border.
    #expect(screen.trimmedLines[8] == "└───────────────────────────────── 50% ┘")
    #expect(screen.trimmedLines[7] == "│• Elon Musk-owned Twitter purchased   │")
    runtime.press(.tab)
    screen = render(runtime.state)
    #expect(screen.trimmedLines[1] == "│● Elon Musk                          4│")
  }

  @Test("CJK titles and emoji keep every border in its column")
  func wideCharacters() {
    let library = InMemoryLibrary(articles: [
      Sample.article(1, "東京の天気予報：週末は雨が続く見込み"),
      Sample.article(2, "Launch day 🚀🎉 for the new rocket 👨‍👩‍👧"),
      Sample.article(3, "Café crème e\u{301} naïve"),
    ])
    for (cols, rows) in [(120, 40), (80, 24), (40, 10), (61, 15)] {
      let runtime = Sample.runtime(library, cols: cols, rows: rows)
      expectAligned(render(runtime.state))
      runtime.press(.char("j"))
      expectAligned(render(runtime.state))
    }
    let runtime = Sample.runtime(library, cols: 40, rows: 10)
    #expect(render(runtime.state).trimmedLines[1] == "│• 東京の天気予報：週末は雨が続く見込み│")
    #expect(render(runtime.state).trimmedLines[2] == "│• Launch day 🚀🎉 for the new rocket …│")
  }

  @Test("a zero-size or tiny terminal draws without crashing", arguments: [(0, 0), (1, 1), (0, 24), (80, 0), (19, 5), (30, 4)])
  func tiny(cols: Int, rows: Int) {
    let runtime = Sample.runtime(Sample.library(), cols: cols, rows: rows)
    runtime.press(.char("j"), .tab, .enter, .char("?"))
    let screen = render(runtime.state)
    #expect(screen.width == max(0, cols) && screen.height == max(0, rows))
    if cols >= 19 && rows >= 1 { #expect(screen.lines[0].hasPrefix("lede: terminal too")) }
  }

  @Test("an empty library says how to add articles")
  func empty() {
    let runtime = Sample.runtime(InMemoryLibrary(articles: []), cols: 80, rows: 24)
    runtime.press(.char("j"), .enter, .char("s"), .char("o"), .char("G"), .tab, .enter, .escape)
    let lines = render(runtime.state).trimmedLines
    #expect(lines[1] == "│No articles yet.        │ Your library is empty.             │                │")
    #expect(lines[2] == "│Add some with:          │                                    │                │")
    #expect(lines[3] == "│lede add PATH           │ Add articles from the shell with   │                │")
    #expect(lines[4] == "│                        │ lede add PATH (files, folders,     │                │")
    let small = Sample.runtime(InMemoryLibrary(articles: []), cols: 40, rows: 10)
    #expect(render(small.state).trimmedLines[3] == "│lede add PATH                         │")
  }

  @Test("the help screen lists the key map, rebound keys included")
  func helpScreen() {
    let library = Sample.library()
    var config = Config()
    config.keyMap.bind(.toggleStar, to: [.char("S")])
    let runtime = Runtime(state: AppState(cols: 100, rows: 40, keyMap: config.keyMap), library: library)
    runtime.start()
    runtime.press(.char("?"))
    let text = render(runtime.state).lines.joined(separator: "\n")
    for (keys, summary) in config.keyMap.helpLines() {
      #expect(text.contains(keys) && text.contains(summary), "\(summary)")
    }
    #expect(text.contains("S           star or unstar the article"))
  }

  @Test("search hits are highlighted in the list and the reading pane")
  func searchHighlight() {
    let runtime = Sample.runtime(Sample.library(), cols: 120, rows: 40)
    runtime.press(.char("/"))
    runtime.type("musk")
    runtime.press(.enter)
    let screen = render(runtime.state)
    let lines = screen.trimmedLines
    #expect(lines[0].hasPrefix("┌ /musk (2)"))
    #expect(lines[2].contains("Musk buys another company"))
    #expect(!lines[3].prefix(37).contains("OpenAI"))
    // Second row is not selected, so its hit is marked.
    let x = lines[2].distance(from: lines[2].startIndex, to: lines[2].range(of: "Musk")?.lowerBound ?? lines[2].startIndex)
    #expect(screen[x, 2].style.role == .searchMatch)
    let reader = runtime.state.layout.reader
    #expect(screen[reader.x + 5, 1].text == "M" && screen[reader.x + 5, 1].style.role == .searchMatch)
  }
}

struct RuntimeTests {
  @Test("entity search for musk shows only Musk's articles and his profile")
  func muskFlow() {
    let library = Sample.library()
    let runtime = Sample.runtime(library, cols: 120, rows: 40)
    runtime.press(.char("e"))
    runtime.type("musk")
    var text = render(runtime.state).lines.joined(separator: "\n")
    #expect(text.contains("● Elon Musk  3 art · 9"))
    runtime.press(.enter)
    let lines = render(runtime.state).trimmedLines
    #expect(lines[0].hasPrefix("┌ Elon Musk (3)"))
    #expect(lines[1].contains("Elon Musk's AI ambitions"))
    #expect(lines[2].contains("OpenAI unveils a new model"))
    #expect(lines[3].contains("Musk buys another company"))
    #expect(!lines[4].contains("Rain"))
    text = lines.joined(separator: "\n")
    #expect(text.contains("person · 3 articles · 9 mentions"))
    #expect(text.contains("also: Musk"))
    #expect(text.contains("◆ Twitter (2) — owner of"))
    #expect(text.contains("“Elon Musk-owned Twitter purchased 10,000 GPUs.”"))
    runtime.press(.escape)
    #expect(render(runtime.state).trimmedLines[0].hasPrefix("┌ Articles (8)"))
  }

  @Test("opening marks read and starring is written to the library")
  func writes() {
    let library = Sample.library()
    let runtime = Sample.runtime(library, cols: 80, rows: 24)
    runtime.press(.enter, .char("s"))
    #expect(library.writes == ["read true 1", "star true 1"])
    #expect(render(runtime.state).trimmedLines[1].hasPrefix("│★ Elon Musk"))
  }

  @Test("a large library is paged: no request asks for more than a few screens")
  func paged() {
    let library = Sample.library(extra: 5_000)
    let runtime = Sample.runtime(library, cols: 120, rows: 40)
    runtime.press(.char("G"), .pageUp, .char("g"), .pageDown, .pageDown)
    #expect(runtime.state.list.window.count <= 200)
    #expect(library.requests.allSatisfy { $0.limit <= 200 })
    #expect(render(runtime.state).trimmedLines[1].contains("Local story"))
  }

  @Test("a failing store becomes a status message, not a crash")
  func failure() {
    struct Broken: LibraryReading {
      struct Failure: Error, CustomStringConvertible { var description: String { "disk on fire" } }
      func countArticles(entityID: Int64?) throws -> Int { throw Failure() }
      func listArticles(offset: Int, limit: Int, entityID: Int64?) throws -> [ArticleItem] { throw Failure() }
      func loadArticle(id: Int64) throws -> ArticleDetail? { throw Failure() }
      func searchArticles(_ query: String, offset: Int, limit: Int) throws -> [ArticleItem] { throw Failure() }
      func searchEntities(_ query: String?, limit: Int) throws -> [EntityHit] { throw Failure() }
      func loadEntityProfile(id: Int64) throws -> EntityProfileDetail? { throw Failure() }
      func markRead(_ read: Bool, articleID: Int64) throws { throw Failure() }
      func markStarred(_ starred: Bool, articleID: Int64) throws { throw Failure() }
    }
    let runtime = Runtime(state: AppState(cols: 80, rows: 24), library: Broken())
    runtime.start()
    #expect(runtime.state.status == .error("disk on fire"))
    #expect(render(runtime.state).trimmedLines[23] == " disk on fire")
    runtime.press(.char("j"), .char("e"), .char("x"))
    #expect(runtime.state.status == .error("disk on fire"))
  }
}
