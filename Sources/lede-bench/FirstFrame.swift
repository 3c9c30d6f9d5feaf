import Foundation

/// Times the real `lede` binary from start to its first full frame, in a real terminal (tmux).
enum FirstFrame {
    static func measure(libraryPath: String, articles: Int, repository: URL) throws -> [Row] {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lede").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return [Row(what: "TUI first frame", figure: "not measured: no lede binary beside lede-bench", target: "≤ 150 ms")]
        }
        guard let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first(where: FileManager.default.isExecutableFile) else {
            return [Row(what: "TUI first frame", figure: "not measured: tmux is not installed", target: "≤ 150 ms")]
        }
        var times: [Double] = [], memories: [Double] = []
        for attempt in 0..<5 {
            let report = FileManager.default.temporaryDirectory.appendingPathComponent("lede-frame-\(attempt).txt").path
            try? FileManager.default.removeItem(atPath: report)
            let session = "lede-bench-\(ProcessInfo.processInfo.processIdentifier)-\(attempt)"
            let command = "LEDE_EXIT_AFTER_FIRST_FRAME=1 '\(binary)' --library '\(libraryPath)' 2>'\(report)'"
            _ = shell(tmux, ["new-session", "-d", "-x", "120", "-y", "40", "-s", session, command])
            for _ in 0..<100 where !FileManager.default.fileExists(atPath: report) || (try? String(contentsOfFile: report, encoding: .utf8))?.isEmpty != false {
                usleep(50_000)
            }
            usleep(100_000)
            _ = shell(tmux, ["kill-session", "-t", session])
            let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
            // The TUI reports "first frame: N ms, peak RSS: M MB" on stderr.
            let numbers = text.split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
            if numbers.count >= 2, attempt > 0 {
                times.append(numbers[0])
                memories.append(numbers[1])
            }
        }
        guard !times.isEmpty else {
            return [Row(what: "TUI first frame", figure: "not measured: lede did not report a first frame", target: "≤ 150 ms")]
        }
        return [
            Row(what: "TUI start to first full frame, \(articles) articles, 120×40 (median of 4)",
                figure: String(format: "%.0f ms", median(times)), target: "≤ 150 ms"),
            Row(what: "TUI peak resident memory at first frame, \(articles) articles", figure: String(format: "%.0f MB", median(memories)),
                target: "≤ 60 MB"),
        ]
    }

    static func shell(_ executable: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
