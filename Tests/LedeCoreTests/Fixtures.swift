import Foundation

/// Real test material copied from `shared/corpus` (see Fixtures/corpus/README.md).
enum Fixtures {
    static let corpusURL: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            preconditionFailure("test bundle has no Fixtures folder")
        }
        return url.appendingPathComponent("corpus")
    }()

    static func url(_ relativePath: String) -> URL {
        corpusURL.appendingPathComponent(relativePath)
    }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    static func expectations(_ relativePath: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url(relativePath))
        return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// The slugs of the Wikinews articles, e.g. "warhol-photo-legacy".
    static var wikinewsSlugs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url("wikinews").path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }
}
