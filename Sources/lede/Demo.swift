import ArgumentParser
import Foundation
import LedeCore
import LedeStore

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the reader on a bundled sample library (a copy; your library is untouched).",
        discussion: "The sample library is built on first use in $XDG_CACHE_HOME/lede (~/.cache/lede).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reader: ReaderOptions

    func run() throws {
        let library = try DemoLibrary.open()
        try Reader.open(library: library, options: global, theme: reader.theme, about: DemoLibrary.about)
    }
}

/// The sample articles bundled with lede, built into a library in the cache folder.
enum DemoLibrary {
    static var articlesFolder: URL? {
        Bundle.module.url(forResource: "Demo", withExtension: nil)?.appendingPathComponent("articles")
    }

    static var about: String {
        guard let url = Bundle.module.url(forResource: "Demo", withExtension: nil)?.appendingPathComponent("ABOUT.txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }

    static func open() throws -> Library {
        guard let folder = articlesFolder else { throw CLIError("this lede was built without its demo articles") }
        let files = try Ingester.files(at: folder.path)
        let cache = LibraryLocation.cacheDirectory(ProcessInfo.processInfo.environment).appendingPathComponent("lede")
        // The file name carries a fingerprint of the articles and of this very binary, so a new
        // build rebuilds the demo instead of showing summaries from an older analysis.
        let binary = Bundle.main.executableURL.flatMap { try? FileManager.default.attributesOfItem(atPath: $0.path) }
        let buildStamp = "\(binary?[.size] ?? 0):\((binary?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        let fingerprint = BodyHash.of(files.map { "\($0.lastPathComponent):\((try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0)" }
            .joined(separator: ",") + Lede.configuration.version + buildStamp).prefix(12)
        let target = cache.appendingPathComponent("demo-\(fingerprint).sqlite")
        if !FileManager.default.fileExists(atPath: target.path) {
            do {
                try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
            } catch {
                throw CLIError("cannot create the cache folder \(cache.path): \(error.localizedDescription)")
            }
            // Built under a temporary name and renamed, so an interrupted build never looks finished.
            let building = cache.appendingPathComponent("demo-building-\(ProcessInfo.processInfo.processIdentifier).sqlite")
            do {
                let report = try build(at: building.path, from: files)
                if report.added == 0 { throw CLIError("the demo articles could not be read: \(report.skipped.first?.reason ?? "")") }
                for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building.path + suffix) }
                try FileManager.default.moveItem(at: building, to: target)
            } catch {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building.path + suffix) }
                if FileManager.default.fileExists(atPath: target.path) == false { throw error }
            }
        }
        do {
            return try Library(path: target.path)
        } catch {
            throw CLIError("\(error)")
        }
    }

    private static func build(at path: String, from files: [URL]) throws -> Ingester.Report {
        let library = try Library(path: path)
        let report = Ingester(library: library, showsProgress: false).add(files)
        try library.checkpoint()
        return report
    }
}
