import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Limits for one fetch.
public struct FetchPolicy: Sendable {
    public var timeout: TimeInterval
    /// Largest body accepted, after decompression (which is what bounds a gzip bomb).
    public var maxBytes: Int
    public var maxRedirects: Int
    public var userAgent: String

    public init(timeout: TimeInterval = 20, maxBytes: Int = 16 * 1024 * 1024, maxRedirects: Int = 5,
                userAgent: String = "lede/0.1 (+terminal news reader)") {
        self.timeout = timeout
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
        self.userAgent = userAgent
    }
}

/// What the previous fetch of a URL left for a conditional GET.
public struct FetchValidators: Hashable, Sendable, Codable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }
}

public enum FetchResult: Sendable {
    case fetched(data: Data, url: URL, contentType: String?, validators: FetchValidators)
    /// 304: the copy from last time is still good.
    case notModified
}

public enum FetchError: Error, Equatable, Sendable, CustomStringConvertible {
    case unsupportedScheme(String)
    case httpStatus(Int)
    case tooLarge(limit: Int)
    case tooManyRedirects(limit: Int)
    case timedOut
    case transport(String)

    public var description: String {
        switch self {
        case .unsupportedScheme(let s): return "unsupported source \"\(s)\": only http, https and file are read"
        case .httpStatus(let code): return "the server answered HTTP \(code)"
        case .tooLarge(let limit): return "the response is larger than \(limit) bytes"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        case .timedOut: return "timed out"
        case .transport(let message): return message
        }
    }
}

/// Fetches feeds and pages over HTTP(S) (conditional GET, compressed bodies, bounded redirects, time
/// and size) and from local files.
public struct FeedFetcher: Sendable {
    public var policy: FetchPolicy

    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
    }

    public func fetch(_ url: URL, validators: FetchValidators = FetchValidators()) async throws(FetchError) -> FetchResult {
        switch url.scheme?.lowercased() {
        case "file"?:
            return try readFile(url)
        case "http"?, "https"?:
            return try await fetchHTTP(url, validators: validators)
        default:
            throw FetchError.unsupportedScheme(url.scheme ?? url.absoluteString)
        }
    }

    private func readFile(_ url: URL) throws(FetchError) -> FetchResult {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > policy.maxBytes { throw FetchError.tooLarge(limit: policy.maxBytes) }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FetchError.transport("cannot read \(url.path)")
        }
        return .fetched(data: data, url: url, contentType: nil, validators: FetchValidators())
    }

    private func fetchHTTP(_ url: URL, validators: FetchValidators) async throws(FetchError) -> FetchResult {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: policy.timeout)
        request.setValue(policy.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
                         forHTTPHeaderField: "Accept")
        if let etag = validators.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let modified = validators.lastModified { request.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
        let delegate = FetchDelegate(policy: policy)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = policy.timeout * 3
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Result<(Data, HTTPURLResponse), FetchError>, Never>) in
            delegate.start(session: session, request: request, continuation: continuation)
        }
        let (data, response) = try outcome.get()
        switch response.statusCode {
        case 304:
            return .notModified
        case 200..<300:
            let headers = response.allHeaderFields
            func header(_ name: String) -> String? {
                headers.first { ($0.key as? String)?.lowercased() == name }?.value as? String
            }
            return .fetched(data: data, url: response.url ?? url, contentType: header("content-type"),
                            validators: FetchValidators(etag: header("etag"), lastModified: header("last-modified")))
        default:
            throw FetchError.httpStatus(response.statusCode)
        }
    }
}

/// Collects one response body, enforcing the size cap as bytes arrive and counting redirects.
private final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let policy: FetchPolicy
    private let lock = NSLock()
    private var data = Data()
    private var redirects = 0
    private var failure: FetchError?
    private var continuation: CheckedContinuation<Result<(Data, HTTPURLResponse), FetchError>, Never>?

    init(policy: FetchPolicy) {
        self.policy = policy
    }

    func start(session: URLSession, request: URLRequest,
               continuation: CheckedContinuation<Result<(Data, HTTPURLResponse), FetchError>, Never>) {
        lock.withLock { self.continuation = continuation }
        session.dataTask(with: request).resume()
    }

    private func finish(_ result: Result<(Data, HTTPURLResponse), FetchError>) {
        let pending: CheckedContinuation<Result<(Data, HTTPURLResponse), FetchError>, Never>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        pending?.resume(returning: result)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let count = lock.withLock { redirects += 1; return redirects }
        let scheme = request.url?.scheme?.lowercased()
        if count > policy.maxRedirects {
            // Refusing the redirect ends the task with the 3xx response; cancelling here as well
            // trips FoundationNetworking on Linux.
            lock.withLock { failure = .tooManyRedirects(limit: policy.maxRedirects) }
            completionHandler(nil)
        } else if scheme != "http" && scheme != "https" {
            lock.withLock { failure = .unsupportedScheme(scheme ?? "") }
            completionHandler(nil)
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        if response.expectedContentLength > Int64(policy.maxBytes) {
            lock.withLock { failure = .tooLarge(limit: policy.maxBytes) }
            completionHandler(.cancel)
            return
        }
        if response.expectedContentLength > 0 {
            // The size is announced: one allocation rather than a copy at every doubling of a large feed.
            let length = Int(response.expectedContentLength)
            lock.withLock { data.reserveCapacity(length) }
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive chunk: Data) {
        let over = lock.withLock { () -> Bool in
            data.append(chunk)
            if data.count > policy.maxBytes {
                failure = .tooLarge(limit: policy.maxBytes)
                data = Data()
                return true
            }
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (body, recorded) = lock.withLock { (data, failure) }
        if let recorded {
            finish(.failure(recorded))
        } else if let error {
            let nsError = error as NSError
            if nsError.code == NSURLErrorTimedOut {
                finish(.failure(.timedOut))
            } else if nsError.code == NSURLErrorHTTPTooManyRedirects {
                finish(.failure(.tooManyRedirects(limit: policy.maxRedirects)))
            } else {
                finish(.failure(.transport(nsError.localizedDescription)))
            }
        } else if let response = task.response as? HTTPURLResponse {
            finish(.success((body, response)))
        } else {
            finish(.failure(.transport("no HTTP response")))
        }
    }
}
