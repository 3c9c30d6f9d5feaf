import Foundation
import LedeCore
import LedeStore

/// Reads files and folders into the library, one transaction per article.
struct Ingester {
    let library: Library
    let pipeline = Pipeline()
    var showsProgress: Bool

    struct Report {
        var added = 0, updated = 0, unchanged = 0
        var skipped: [(path: String, reason: String)] = []
        mutating func count(_ outcomes: [IngestOutcome]) {
            for outcome in outcomes {
                switch outcome {
                case .added: added += 1
                case .updated: updated += 1
                case .unchanged: unchanged += 1
                }
            }
        }

        var summary: String {
            var parts = ["added \(added)", "updated \(updated)"]
            if unchanged > 0 { parts.append("unchanged \(unchanged)") }
            parts.append("skipped \(skipped.count)")
            return parts.joined(separator: ", ")
        }
    }

    /// Files a path names: itself, or every visible regular file below a folder, in name order.
    static func files(at path: String) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("\(path): no such file or folder")
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard isDirectory.boolValue else { return [url] }
        guard let walker = FileManager.default.enumerator(
            at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw CLIError("\(path): cannot list the folder")
        }
        var files: [URL] = []
        for case let file as URL in walker {
            if (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(file) }
        }
        return files.sorted { $0.path < $1.path }
    }

    func add(_ urls: [URL]) -> Report {
        var report = Report()
        let progress = Progress(total: urls.count, enabled: showsProgress && urls.count >= 20)
        let results = BatchIngester(library: library, pipeline: pipeline).ingest(
            count: urls.count, read: { try DocumentReader().documents(fileAt: urls[$0]) },
            progress: { progress.update($0, urls[min($0, urls.count - 1)].lastPathComponent) })
        for (url, result) in zip(urls, results) {
            switch result {
            case let .stored(outcomes): report.count(outcomes)
            case let .failed(error): report.skipped.append((url.path, "\(error)"))
            }
        }
        progress.finish()
        return report
    }
}

/// A one-line progress counter on stderr, only when stderr is a terminal.
final class Progress {
    let total: Int
    let enabled: Bool
    private var lastDraw = Date.distantPast

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func update(_ done: Int, _ label: String) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        let name = String(TextSanitizer.singleLine(label).prefix(50))
        Output.errorNoNewline("\r\u{1B}[K[\(done)/\(total)] \(name)")
    }

    func finish() {
        guard enabled else { return }
        Output.errorNoNewline("\r\u{1B}[K")
    }
}

extension Output {
    static func errorNoNewline(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
