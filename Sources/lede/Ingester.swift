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
        var terms: TermStatisticsSnapshot = (try? library.termStatistics()) ?? TermStatisticsSnapshot(documentCount: 0, frequencies: [:])
        let progress = Progress(total: urls.count, enabled: showsProgress && urls.count >= 20)
        for (index, url) in urls.enumerated() {
            progress.update(index, url.lastPathComponent)
            do {
                let document = try DocumentReader().read(fileAt: url)
                let article = pipeline.process(document, terms: terms)
                switch try library.ingest(article) {
                case .added:
                    report.added += 1
                    terms.documentCount += 1
                    for term in article.termCounts.keys { terms.frequencies[term, default: 0] += 1 }
                case .updated: report.updated += 1
                case .unchanged: report.unchanged += 1
                }
            } catch {
                report.skipped.append((url.path, "\(error)"))
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
