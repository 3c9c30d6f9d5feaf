import Foundation

/// Keeps BENCHMARKS.md: the newest run's table replaces the block between its section's
/// markers, the rest of the file (notes, history, other sections) is left as written.
enum BenchmarkReport {
    static func write(table: String, machine: String, to path: String, section: String) throws {
        let begin = "<!-- bench:\(section):begin -->"
        let end = "<!-- bench:\(section):end -->"
        let date = Date().formatted(.iso8601.year().month().day())
        let block = "\(begin)\nMeasured \(date) on \(machine), release build (`lede-bench \(CommandLine.arguments.dropFirst().joined(separator: " "))`).\n\n\(table)\n\(end)"
        var text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "# Benchmarks\n\n\(begin)\n\(end)\n"
        if let lower = text.range(of: begin), let upper = text.range(of: end), lower.lowerBound < upper.upperBound {
            text.replaceSubrange(lower.lowerBound..<upper.upperBound, with: block)
        } else {
            text += "\n" + block + "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
