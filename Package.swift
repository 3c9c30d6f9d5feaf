// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "lede",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lede", targets: ["lede"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "LedeCore",
            dependencies: ["CLibXML2"],
            resources: [.copy("Resources")]),
        .target(
            name: "LedeStore",
            dependencies: ["LedeCore", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(
            name: "LedeTUI",
            dependencies: ["LedeCore", "LedeStore", "CNcurses"],
            // The top-level Themes/ folder, bundled; a test keeps the two identical.
            resources: [.copy("Resources/Themes")]),
        .executableTarget(
            name: "lede",
            dependencies: [
                "LedeCore", "LedeStore", "LedeTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Demo")]),
        .executableTarget(
            name: "lede-train-ner",
            dependencies: ["LedeCore"]),
        .executableTarget(
            name: "lede-eval-ner",
            dependencies: ["LedeCore"]),
        .executableTarget(
            name: "lede-bench",
            dependencies: ["LedeCore", "LedeStore", "LedeTUI", "LedeTestSupport"]),
        .executableTarget(
            name: "lede-eval-summary",
            dependencies: ["LedeCore"]),
        .executableTarget(
            name: "lede-eval-pages",
            dependencies: ["LedeCore"]),
        .target(
            name: "LedeTestSupport",
            path: "Tests/LedeTestSupport"),
        .testTarget(
            name: "LedeCoreTests",
            dependencies: ["LedeCore", "LedeTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "LedeStoreTests",
            dependencies: ["LedeCore", "LedeStore"]),
        .testTarget(
            name: "LedeTUITests",
            dependencies: ["LedeCore", "LedeStore", "LedeTUI"]),
        .testTarget(
            name: "LedeCLITests",
            dependencies: ["LedeCore", "LedeStore", "LedeTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
