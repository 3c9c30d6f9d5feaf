import Foundation
import LedeCore
import LedeStore
import Testing
@testable import LedeTUI

/// The TUI on a real library file, through `Library`'s `LibraryReading` conformance.
struct StoreBackedTests {
  static func makeLibrary() throws -> (Library, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-tui-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let library = try Library(path: folder.appendingPathComponent("library.sqlite").path)
    let body = "Ada Lovelace met Charles Babbage in London. Lovelace wrote the first program for Babbage's engine."
    let document = ParsedDocument(
      title: "Lovelace and the engine", byline: "A. Writer", published: Date(timeIntervalSince1970: 1_700_000_000),
      source: "/tmp/lovelace.txt", body: body)
    let entities = [
      DocumentEntity(name: "Ada Lovelace", kind: .person, aliases: ["Lovelace"], mentions: [
        Mention(start: 0, end: 12, text: "Ada Lovelace"), Mention(start: 44, end: 52, text: "Lovelace"),
      ]),
      DocumentEntity(name: "Charles Babbage", kind: .person, aliases: ["Babbage"], mentions: [
        Mention(start: 17, end: 32, text: "Charles Babbage"),
      ]),
    ]
    let bullets = [Bullet(text: "Ada Lovelace met Charles Babbage in London.", highlights: [
      Highlight(start: 0, end: 12, kind: .person, entity: "Ada Lovelace"),
      Highlight(start: 17, end: 32, kind: .person, entity: "Charles Babbage"),
    ])]
    _ = try library.ingest(ProcessedArticle(
      document: document, bullets: bullets, entities: entities,
      links: [EntityLinkEvidence(source: "Ada Lovelace", target: "Charles Babbage", sentence: "Ada Lovelace met Charles Babbage in London.")],
      termCounts: TermCounter.counts(in: body)))
    let other = ParsedDocument(title: "Harbour plan approved", source: "/tmp/harbour.txt", body: "The council approved the harbour plan.")
    _ = try library.ingest(ProcessedArticle(document: other, termCounts: TermCounter.counts(in: other.body)))
    return (library, folder)
  }

  @Test("a real library's article, bullets and entities reach the screen")
  func screen() throws {
    let (library, folder) = try Self.makeLibrary()
    defer { try? FileManager.default.removeItem(at: folder) }
    let runtime = Runtime(state: AppState(cols: 100, rows: 20), library: library)
    runtime.start()
    let selectedTitle = runtime.state.list.selectedItem?.title
    if selectedTitle != "Lovelace and the engine" { runtime.press(.char("j")) }
    let text = render(runtime.state).lines.joined(separator: "\n")
    #expect(text.contains("Articles (2)"))
    #expect(text.contains("A. Writer · lovelace.txt · 2023-11-14"))
    #expect(text.contains("• Ada Lovelace met Charles Babbage in"))
    #expect(text.contains("● Ada Lovelace"))
    #expect(runtime.state.panelEntities.first?.mentionCount == 2)
  }

  @Test("entity search, the entity filter and its profile work on a real library")
  func entityFlow() throws {
    let (library, folder) = try Self.makeLibrary()
    defer { try? FileManager.default.removeItem(at: folder) }
    let runtime = Runtime(state: AppState(cols: 100, rows: 24), library: library)
    runtime.start()
    runtime.press(.char("e"))
    runtime.type("babb")
    guard case .entitySearch(_, let hits, _) = runtime.state.overlay else {
      Issue.record("entity search did not open")
      return
    }
    #expect(hits.first?.name == "Charles Babbage")
    runtime.press(.enter)
    #expect(runtime.state.list.total == 1)
    #expect(runtime.state.list.window.map(\.title) == ["Lovelace and the engine"])
    #expect(runtime.state.reader.profile?.linked.first?.name == "Ada Lovelace")
    runtime.press(.escape, .char("/"))
    runtime.type("harbour")
    runtime.press(.enter)
    #expect(runtime.state.list.window.map(\.title) == ["Harbour plan approved"])
  }

  @Test("opening and starring are saved in the library file")
  func writes() throws {
    let (library, folder) = try Self.makeLibrary()
    defer { try? FileManager.default.removeItem(at: folder) }
    let runtime = Runtime(state: AppState(cols: 100, rows: 24), library: library)
    runtime.start()
    let id = try #require(runtime.state.list.selectedItem?.id)
    runtime.press(.enter, .char("s"))
    let row = try #require(try library.article(id: id)?.row)
    #expect(row.isRead && row.isStarred)
  }

  @Test("a feed item stored pending analysis is analysed when the reader opens it")
  func pendingAnalysedOnOpen() throws {
    let (library, folder) = try Self.makeLibrary()
    defer { try? FileManager.default.removeItem(at: folder) }
    let item = ParsedDocument(
      title: "Ferry terminal opens", source: "https://harbour.example/feed.xml", link: "https://harbour.example/ferry",
      body: "The new ferry terminal opened on Monday after three years of building, the harbour authority said. "
        + "About 4,000 passengers are expected to use it every day once the summer timetable starts in June. "
        + "The terminal cost 48 million euros, most of it paid by the regional government and Harbour Lines Ltd.")
    _ = try library.storePending([item])
    let id = try #require(try library.articles().first { $0.title == "Ferry terminal opens" }?.id)
    #expect(try library.article(id: id)?.isPending == true)
    let detail = try #require(try library.loadArticle(id: id))
    #expect(!detail.bullets.isEmpty)
    #expect(try library.article(id: id)?.isPending == false)
  }
}
