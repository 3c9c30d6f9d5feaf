import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for fetcher tests: one thread per connection, one response each.
public final class LocalHTTPServer: @unchecked Sendable {
    public struct Request: Sendable {
        public var path: String
        public var headers: [String: String]
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String] = [:]
        public var body: Data = Data()
        /// Seconds to wait before answering (for timeout tests).
        public var delay: Double = 0
        /// Streams this many filler bytes after `body`, without Content-Length (for size-cap tests).
        public var streamedFiller: Int = 0

        public init(status: Int, headers: [String: String] = [:], body: Data = Data(), delay: Double = 0, streamedFiller: Int = 0) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.streamedFiller = streamedFiller
        }
    }

    public let port: UInt16
    private let socketFD: Int32
    private let handler: @Sendable (Request) -> Response

    public init(handler: @escaping @Sendable (Request) -> Response) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socketFD = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in self.acceptLoop() }
        thread.start()
    }

    public func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)") ?? URL(fileURLWithPath: "/")
    }

    public func stop() {
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    private func acceptLoop() {
        while true {
            let client = accept(socketFD, nil, nil)
            if client < 0 { return }
            let thread = Thread { [self] in self.serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        var received = Data()
        while !received.contains(Data("\r\n\r\n".utf8)) {
            let n = read(client, &buffer, buffer.count)
            if n <= 0 { return }
            received.append(contentsOf: buffer[0..<n])
        }
        let head = String(decoding: received, as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let path = lines.first?.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let response = handler(Request(path: path, headers: headers))
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        var out = "HTTP/1.1 \(response.status) Status\r\nConnection: close\r\n"
        for (k, v) in response.headers { out += "\(k): \(v)\r\n" }
        if response.streamedFiller == 0 { out += "Content-Length: \(response.body.count)\r\n" }
        out += "\r\n"
        guard transmit(Data(out.utf8), to: client), transmit(response.body, to: client) else { return }
        if response.streamedFiller > 0 {
            let chunk = Data(repeating: 0x20, count: 64 * 1024)
            var sent = 0
            while sent < response.streamedFiller, transmit(chunk, to: client) { sent += chunk.count }
        }
    }

    /// Writes with MSG_NOSIGNAL: a client that hung up (a timed-out fetch) must not SIGPIPE the test run.
    private func transmit(_ data: Data, to client: Int32) -> Bool {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.send(client, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }
}
