import Foundation
import Testing

@Suite("The command line", .serialized)
struct CommandLineTests {
    let seed = CLI.corpus.appendingPathComponent("seed/musk-twitter-gpus.txt").path

    @Test("extract --json prints one document with every field of the contract")
    func extractJSON() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["extract", seed, "--json"])
        #expect(result.status == 0)
        let object = try #require(result.json as? [String: Any])
        #expect(Set(object.keys) == ["id", "title", "byline", "source", "published", "feed", "body", "bullets", "entities"])
        #expect(object["id"] is NSNull)
        #expect(object["byline"] as? String == "Asia Martin")
        let bullets = try #require(object["bullets"] as? [[String: Any]])
        #expect(bullets.first?["text"] as? String == "Elon Musk-owned Twitter purchased 10,000 GPUs, apparently to get into the generative AI boom.")
        for bullet in bullets {
            #expect(Set(bullet.keys) == ["text", "highlights"])
            let text = try #require(bullet["text"] as? String)
            for highlight in bullet["highlights"] as? [[String: Any]] ?? [] {
                let start = try #require(highlight["start"] as? Int), end = try #require(highlight["end"] as? Int)
                #expect(0 <= start && start < end && end <= text.unicodeScalars.count)
                #expect(["person", "organization", "number", "term"].contains(highlight["kind"] as? String))
            }
        }
        #expect(object["entities"] is [Any])
        #expect(result.stderr.isEmpty)
    }

    @Test("extract reads standard input when given -")
    func extractStandardInput() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["extract", "-", "--json"], stdin: try Data(contentsOf: URL(fileURLWithPath: seed)))
        #expect(result.status == 0)
        #expect((result.json as? [String: Any])?["source"] as? String == "-")
    }

    @Test("bad input gets one line naming the file and the reason, and a non-zero exit", arguments: [
        ("missing", "no such file"), ("folder", "is a folder"), ("empty", "empty"), ("binary", "binary"),
    ])
    func badInput(kind: String, reason: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        var path = cli.home.appendingPathComponent(kind).path
        switch kind {
        case "folder": path = cli.home.path
        case "empty": try Data().write(to: URL(fileURLWithPath: path))
        case "binary": try Data((0..<4096).map { UInt8($0 % 256) }).write(to: URL(fileURLWithPath: path))
        default: break
        }
        let result = try cli.run(["extract", path])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains(path) && result.stderr.contains(reason))
    }

    @Test("reading commands on a library that does not exist say so and create nothing", arguments: [
        ["list"], ["show", "1"], ["search", "harbour"], ["entities"], ["entity", "Musk"], ["export"], ["feeds", "list"],
    ])
    func missingLibrary(command: [String]) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let path = cli.home.appendingPathComponent("typo/library.sqlite").path
        let result = try cli.run(["--library", path] + command)
        #expect(result.status != 0)
        #expect(result.stderr.contains("no library at \(path)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("an oversized file is refused before it is read")
    func oversized() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let path = cli.home.appendingPathComponent("huge.txt")
        FileManager.default.createFile(atPath: path.path, contents: nil)
        let handle = try FileHandle(forWritingTo: path)
        try handle.truncate(atOffset: 50 * 1_048_576)
        try handle.close()
        let result = try cli.run(["extract", path.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("50 MB"))
    }

    @Test("add a folder, list, show, search, export; adding again changes nothing")
    func libraryRoundTrip() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let library = cli.home.appendingPathComponent("lib.sqlite").path
        // The articles and their expectation files: 13 articles, 13 files that are not articles.
        let folder = cli.home.appendingPathComponent("articles").path
        try FileManager.default.createDirectory(atPath: folder + "/nested", withIntermediateDirectories: true)
        for sub in ["seed", "wikinews"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: CLI.corpus.appendingPathComponent(sub).path)
            where name.hasSuffix(".txt") || name.hasSuffix(".json") {
                try FileManager.default.copyItem(atPath: CLI.corpus.appendingPathComponent("\(sub)/\(name)").path,
                                                 toPath: folder + (sub == "seed" ? "/" : "/nested/") + name)
            }
        }
        let added = try cli.run(["--library", library, "add", folder])
        #expect(added.status == 0)
        #expect(added.stdout.hasPrefix("added 13, updated 0"), "\(added.stdout)")
        #expect(added.stderr.contains("expected.json"), "skipped files are named")
        let again = try cli.run(["--library", library, "add", folder])
        #expect(again.stdout.hasPrefix("added 0, updated 0, unchanged 13"), "\(again.stdout)")

        let list = try #require(try cli.run(["--library", library, "list", "--json", "--limit", "5000"]).json as? [[String: Any]])
        #expect(list.count == 13)
        for item in list { #expect(Set(item.keys) == ["id", "title", "byline", "source", "published", "snippet"]) }

        let id = try #require(list.first?["id"] as? Int)
        let shown = try #require(try cli.run(["--library", library, "show", String(id), "--json"]).json as? [String: Any])
        #expect(shown["id"] as? Int == id)
        #expect(Set(shown.keys) == ["id", "title", "byline", "source", "published", "feed", "body", "bullets", "entities"])

        let found = try #require(try cli.run(["--library", library, "search", "polaroids", "--json"]).json as? [[String: Any]])
        #expect(found.first?["title"] as? String == "Warhol's photo legacy spread by university exhibits")

        let exported = try #require(try cli.run(["--library", library, "export", "--format", "json", String(id)]).json as? [[String: Any]])
        #expect(exported.count == 1)
        let markdown = try cli.run(["--library", library, "export"])
        #expect(markdown.stdout.hasPrefix("# "))
        #expect(markdown.stdout.components(separatedBy: "\n# ").count == 13)

        let entities = try #require(try cli.run(["--library", library, "entities", "--json"]).json as? [[String: Any]])
        #expect(!entities.isEmpty)
        for row in entities {
            #expect(Set(row.keys) == ["id", "name", "kind", "aliases", "articles", "mentions"])
        }
        let mostMentioned = try #require(entities.first?["name"] as? String)
        let profile = try #require(try cli.run(["--library", library, "entity", mostMentioned, "--json"]).json as? [String: Any])
        #expect(Set(profile.keys) == ["id", "name", "kind", "aliases", "articles", "linked"])
        #expect((profile["articles"] as? [[String: Any]])?.first.map { Set($0.keys) } == ["id", "title"])
        for link in profile["linked"] as? [[String: Any]] ?? [] {
            #expect(Set(link.keys).isSuperset(of: ["name", "kind", "weight", "evidence"]))
        }
        let people = try #require(try cli.run(["--library", library, "entities", "--kind", "person", "--json"]).json as? [[String: Any]])
        #expect(people.allSatisfy { $0["kind"] as? String == "person" })
        let unknown = try cli.run(["--library", library, "entity", "Nobody McNoname"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no person or organization named"))

        let missing = try cli.run(["--library", library, "show", "999999"])
        #expect(missing.status != 0 && missing.stderr.contains("no article with id 999999"))
    }

    @Test("LEDE_LIBRARY and XDG_DATA_HOME choose the library when --library is not given")
    func libraryLocation() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.run(["add", seed])
        #expect(FileManager.default.fileExists(atPath: cli.home.appendingPathComponent("data/lede/library.sqlite").path))
        let custom = cli.home.appendingPathComponent("custom.sqlite").path
        try cli.run(["add", seed], extraEnvironment: ["LEDE_LIBRARY": custom])
        #expect(FileManager.default.fileExists(atPath: custom))
    }

    @Test("text output never carries escape sequences from an article")
    func sanitizedOutput() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let path = cli.home.appendingPathComponent("evil.txt")
        try Data("Evil \u{1B}]0;pwned\u{07}headline here\n\nThe body has \u{1B}[2J a clear-screen and \u{1B}[31mred\u{1B}[0m text in a sentence long enough.\n".utf8)
            .write(to: path)
        let result = try cli.run(["extract", path.path])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.hasPrefix("Evil headline here"))
    }

    @Test("demo builds the sample library in the cache folder with no set-up")
    func demo() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["demo"], extraEnvironment: ["LEDE_EXIT_AFTER_FIRST_FRAME": "1", "TERM": "xterm"])
        #expect(result.status == 0, "\(result.stderr)")
        let cache = cli.home.appendingPathComponent("cache/lede")
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(files.contains { $0.hasPrefix("demo-") && $0.hasSuffix(".sqlite") && !$0.contains("building") })
    }

    @Test("--help describes lede and lists every command")
    func help() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("OVERVIEW: A terminal news reader: offline library, bullet summaries, people and organizations."))
        for command in ["add", "extract", "list", "show", "search", "entities", "entity", "export", "demo"] {
            #expect(result.stdout.contains("\n  \(command) "), "missing \(command)")
        }
    }
}
