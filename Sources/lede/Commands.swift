import ArgumentParser
import Foundation
import LedeCore
import LedeStore

struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add articles from files, folders, feeds and web pages (paths or http(s) URLs).",
        discussion: """
            Folders are read recursively. The same article (same file or URL, or the same text) \
            is stored once: adding it again updates it in place. Ends with one summary line, \
            and names every skipped file with the reason.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Files or folders to add.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to add") }
    }

    func run() async throws {
        var urls: [URL] = []
        var remote: [URL] = []
        for path in paths {
            if path.lowercased().hasPrefix("http://") || path.lowercased().hasPrefix("https://") {
                remote.append(try FeedRefresher.url(for: path))
            } else {
                urls += try Ingester.files(at: path)
            }
        }
        let library = try global.openLibrary()
        var report = Ingester(library: library, showsProgress: Output.stderrIsTerminal).add(urls)
        for url in remote {
            // A page becomes one article, a feed all of its items (without subscribing).
            do {
                let download = try await FeedRefresher(library: library).download(url)
                let documents = try DocumentReader().documents(data: download.data, source: download.url.absoluteString, url: download.url)
                    .map { document -> ParsedDocument in
                        var document = document
                        if document.link == nil { document.link = download.url.absoluteString }
                        return document
                    }
                for result in BatchIngester(library: library).ingest(documents: documents) {
                    switch result {
                    case let .stored(outcomes): report.count(outcomes)
                    case let .failed(error): report.skipped.append((url.absoluteString, "\(error)"))
                    }
                }
            } catch {
                report.skipped.append((url.absoluteString, "\(error)".replacingOccurrences(of: url.absoluteString + ": ", with: "")))
            }
        }
        for skipped in report.skipped {
            Output.error("skipped \(Output.safe(skipped.path)): \(skipped.reason)")
        }
        Output.line(report.summary)
        // Naming a single file that could not be read is an error; junk inside a folder is not.
        if report.added + report.updated + report.unchanged == 0, !report.skipped.isEmpty {
            throw ExitCode.failure
        }
    }
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the whole pipeline on one document and print the result; stores nothing.")

    @Argument(help: ArgumentHelp("A file, or - for standard input.", valueName: "path"))
    var path: String

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
        let document: ParsedDocument
        do {
            if path == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                document = try DocumentReader().read(data: data, source: "-")
            } else {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw CLIError("\(path): no such file")
                }
                if isDirectory.boolValue { throw CLIError("\(path): is a folder; extract reads one document (use `lede add` for folders)") }
                document = try DocumentReader().read(fileAt: URL(fileURLWithPath: path))
            }
        } catch let error as IngestError {
            throw CLIError("\(path): \(error)")
        }
        let article = Pipeline().process(document)
        if json {
            Output.json(ArticleJSON.extracted(article))
        } else {
            Printer.article(title: document.title, byline: document.byline, source: document.source,
                            published: document.published, bullets: article.bullets,
                            entities: article.entities.map { ($0.name, $0.kind, $0.mentions.count) }, body: document.body)
        }
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List articles, newest first.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only articles that mention this person or organization.", valueName: "name"))
    var entity: String?

    @Option(help: "How many articles to list.")
    var limit: Int = 50

    @Flag(help: "Print one JSON document.")
    var json = false

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let library = try global.openLibrary(mustExist: true)
        var entityID: Int64?
        if let entity {
            guard let profile = try library.entity(named: entity) else { throw CLIError("no person or organization named \"\(entity)\" in the library") }
            entityID = profile.entity.id
        }
        let rows = try library.articles(offset: 0, limit: limit, entityID: entityID)
        if json {
            Output.json(.array(rows.map(ArticleJSON.listItem)))
        } else if rows.isEmpty {
            Output.line(entity == nil ? "The library is empty. Add articles with `lede add PATH`." : "No articles.")
        } else {
            Printer.rows(rows)
        }
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one article: metadata, bullets, entities, body.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The article's id (see `lede list`).")
    var id: Int64

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
        let library = try global.openLibrary(mustExist: true)
        guard let article = try Self.analysed(library.article(id: id), in: library) else { throw CLIError("no article with id \(id)") }
        if json {
            Output.json(ArticleJSON.stored(article))
        } else {
            let row = article.row
            Printer.article(title: row.title, byline: row.byline, source: row.source, published: row.published,
                            bullets: article.bullets, entities: article.entities.map { ($0.name, $0.kind, $0.mentions.count) },
                            body: article.body)
        }
    }
}

extension Show {
    /// A feed item stored pending is analysed on demand, so `show` and `export` always print
    /// bullets and entities; if that fails, the article is printed as stored (body, no bullets).
    static func analysed(_ article: StoredArticle?, in library: Library) throws -> StoredArticle? {
        guard let article, article.isPending else { return article }
        _ = try? PendingAnalyzer(library: library).run(ids: [article.row.id])
        return try library.article(id: article.row.id) ?? article
    }
}

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Full-text search over titles and bodies.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Words to find; the last one may be a prefix.")
    var query: String

    @Option(help: "How many results to print.")
    var limit: Int = 50

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
        let library = try global.openLibrary(mustExist: true)
        let rows = try library.search(query, limit: limit)
        if json {
            Output.json(.array(rows.map(ArticleJSON.listItem)))
        } else if rows.isEmpty {
            Output.line("No articles match \"\(Output.safe(query))\".")
        } else {
            Printer.rows(rows)
        }
    }
}

struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The library's people and organizations, most mentioned first.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only people or only organizations.", valueName: "person|organization"))
    var kind: EntityKind?

    @Option(help: "Names matching this text (prefix, substring, or close spelling).")
    var query: String?

    @Option(help: "How many to print.")
    var limit: Int = 50

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
        let library = try global.openLibrary(mustExist: true)
        let rows = try library.entities(kind: kind, query: query, limit: limit)
        if json {
            Output.json(.array(rows.map(ArticleJSON.entityRow)))
        } else if rows.isEmpty {
            Output.line("No people or organizations found.")
        } else {
            for row in rows {
                let marker = row.kind == .person ? "person" : "org   "
                Output.line("\(String(row.id).leftPadded(5))  \(marker)  \(Output.safe(row.name))  (\(row.articleCount) articles, \(row.mentionCount) mentions)")
            }
        }
    }
}

extension EntityKind: ExpressibleByArgument {}

struct EntityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "One person's or organization's profile: aliases, articles, linked entities with evidence.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A name, alias or id.", valueName: "name|id"))
    var name: String

    @Flag(help: "Print one JSON document.")
    var json = false

    func run() throws {
        let library = try global.openLibrary(mustExist: true)
        guard let profile = try library.entity(named: name) else {
            throw CLIError("no person or organization named \"\(name)\" in the library")
        }
        if json {
            Output.json(ArticleJSON.profile(profile))
            return
        }
        let entity = profile.entity
        Output.line("\(Output.safe(entity.name)) (\(entity.kind.rawValue)) · \(entity.articleCount) articles · \(entity.mentionCount) mentions")
        if !entity.aliases.isEmpty { Output.line("Also: " + entity.aliases.map(Output.safe).joined(separator: ", ")) }
        Output.line("\nArticles:")
        Printer.rows(profile.articles)
        if !profile.linked.isEmpty {
            Output.line("\nLinked:")
            for link in profile.linked {
                let label = link.label.map { " — \(Output.safe($0))" } ?? ""
                Output.line("  \(Output.safe(link.name)) (\(link.kind.rawValue), \(link.weight))\(label)")
                for sentence in link.evidence.prefix(1) { Output.line("    “\(Output.safe(sentence))”") }
            }
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export summaries for reading elsewhere.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: "markdown or json.")
    var format: Format = .markdown

    @Argument(help: "Article ids; all articles when none are given.")
    var ids: [Int64] = []

    func run() throws {
        let library = try global.openLibrary(mustExist: true)
        var articles: [StoredArticle] = []
        if ids.isEmpty {
            var offset = 0
            while true {
                let page = try library.articles(offset: offset, limit: 500)
                if page.isEmpty { break }
                for row in page { if let article = try Show.analysed(library.article(id: row.id), in: library) { articles.append(article) } }
                offset += page.count
            }
        } else {
            for id in ids {
                guard let article = try Show.analysed(library.article(id: id), in: library) else { throw CLIError("no article with id \(id)") }
                articles.append(article)
            }
        }
        switch format {
        case .json:
            Output.json(.array(articles.map(ArticleJSON.stored)))
        case .markdown:
            Output.line(articles.map(Printer.markdown).joined(separator: "\n---\n\n"), terminator: "")
        }
    }
}

extension Output {
    static func line(_ text: String, terminator: String) {
        print(text, terminator: terminator)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
