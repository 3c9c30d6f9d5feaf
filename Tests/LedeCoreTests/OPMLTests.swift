import Foundation
import Testing
@testable import LedeCore

@Suite("OPML")
struct OPMLTests {
    static let root = FeedConformanceTests.feedsURL.appendingPathComponent("listparser")

    static func names(for result: Result<OPMLDocument, FeedError>) -> [String: PyValue] {
        guard case .success(let doc) = result else {
            return ["result": .dict(["bozo": .bool(true), "feeds": .list([])])]
        }
        let feeds: [PyValue] = doc.subscriptions.map { sub in
            .dict(["url": .str(sub.url), "title": .str(sub.title),
                   "categories": .list(sub.categories.map { .list($0.map(PyValue.str)) }),
                   "tags": .list(sub.tags.map(PyValue.str))])
        }
        var meta: [String: PyValue] = [:]
        meta["title"] = doc.title.map(PyValue.str) ?? .none
        // listparser recovers from ill-formed lists without setting bozo; lede's warnings say more,
        // but bozo here means "refused", which is what both agree on.
        return ["result": .dict(["bozo": .bool(false), "feeds": .list(feeds), "meta": .dict(meta)])]
    }

    @Test("lede agrees with listparser's expectations on feeds, titles, URLs, folders and tags")
    func listparserExpectations() throws {
        guard let walker = FileManager.default.enumerator(at: Self.root, includingPropertiesForKeys: nil) else { return }
        var passed = 0, failed: [String] = [], skipped = 0
        // listparser's rdf/ folder holds FOAF and other RDF blogrolls; lede imports OPML only.
        for case let url as URL in walker where url.pathExtension == "xml" && !url.path.contains("/rdf/") {
            let data = try Data(contentsOf: url)
            let head = String(decoding: data.prefix(3000), as: UTF8.self)
            let evals = head.components(separatedBy: .newlines).compactMap { line -> String? in
                guard let r = line.range(of: "Eval:") else { return nil }
                return line[r.upperBound...].trimmingCharacters(in: .whitespaces)
            }
            let result: Result<OPMLDocument, FeedError>
            do { result = .success(try OPML.parse(data)) } catch { result = .failure(error) }
            let evaluator = PyEvaluator(stringsMatch: { $0 == $1 }, names: Self.names(for: result))
            for expression in evals {
                do {
                    if try evaluator.evaluate(expression) { passed += 1 } else { failed.append("\(url.lastPathComponent): \(expression)") }
                } catch {
                    skipped += 1
                }
            }
        }
        let rate = Double(passed) / Double(max(1, passed + failed.count))
        print("listparser: \(passed)/\(passed + failed.count) applicable expectations agree, \(skipped) skipped "
              + "(OPML includes, lists, opportunities, head metadata)\n" + failed.map { "  FAIL \($0)" }.joined(separator: "\n"))
        #expect(passed > 100)
        #expect(rate >= 0.95)
    }

    @Test("nested outlines become folders and survive an export and re-import unchanged")
    func roundTrip() throws {
        let xml = """
            <opml version="1.0"><head><title>Mine</title></head><body>
            <outline text="News"><outline text="World"><outline text="Wire &amp; Co" xmlUrl="https://w.example/rss" htmlUrl="https://w.example/"/></outline>
            <outline text="Local" xmlUrl="https://l.example/feed" category="/Extra/Path,solo"/></outline>
            <outline text="Loose" xmlUrl="https://loose.example/atom"/></body></opml>
            """
        let first = try OPML.parse(Data(xml.utf8))
        #expect(first.title == "Mine")
        #expect(first.subscriptions.map(\.url) == ["https://w.example/rss", "https://l.example/feed", "https://loose.example/atom"])
        #expect(first.subscriptions[0].title == "Wire & Co")
        #expect(first.subscriptions[0].categories == [["News", "World"]])
        #expect(first.subscriptions[1].categories == [["News"], ["Extra", "Path"], ["solo"]])
        #expect(first.subscriptions[1].tags == ["News", "solo"])
        let again = try OPML.parse(Data(OPML.export(first).utf8))
        #expect(again.subscriptions == first.subscriptions)
        #expect(again.title == first.title)
    }

    @Test("every listparser sample is read or refused without crashing, and HTML is refused")
    func noCrashes() throws {
        #expect(throws: FeedError.self) { try OPML.parse(Data("<html><body>x</body></html>".utf8)) }
        #expect(throws: FeedError.empty) { try OPML.parse(Data()) }
    }
}
