// swift-tools-version: 6.0
import PackageDescription

// Optimised builds skip the run-time checks of exclusive access to class properties and globals (the compiler
// still checks what it can see): on the render path those checks cost more than the reads they guard.
let releaseSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "bulletin",
    // Linux only: the code calls Glibc and reads `st_mtim`.
    products: [
        .executable(name: "bulletin", targets: ["bulletin"]),
        // For the libFuzzer harnesses in Fuzz/, which build against these modules with the fuzzer's instrumentation.
        .library(name: "BulletinModules", targets: ["ContentLoading", "Markdown", "Importing", "TemplateEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The Markdown engine: Debian's libcmark-gfm with its GFM extensions.
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "Diagnostics", swiftSettings: releaseSettings),
        // Build-time SVG charts: scales, ticks, Chinese number style, text measuring. Knows nothing of the site.
        // The byte buffer pages and charts are written into.
        .target(name: "Bytes", swiftSettings: releaseSettings),
        .target(name: "Charts", dependencies: ["Bytes"], swiftSettings: releaseSettings),
        .target(name: "Markdown", dependencies: ["CMarkGFM"], swiftSettings: releaseSettings),
        // Mustache templates: one reading of the text gives the program the renderer runs and the tags the checks read.
        .target(name: "TemplateEngine", dependencies: ["Bytes"], swiftSettings: releaseSettings),
        .target(name: "Model", swiftSettings: releaseSettings),
        .target(
            name: "ContentLoading",
            dependencies: ["Model", "Markdown", "Diagnostics", "Bytes", .product(name: "Yams", package: "Yams"),
                           .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: releaseSettings
        ),
        .target(
            name: "SiteRendering",
            dependencies: [
                "Model", "Markdown", "Diagnostics", "Charts", "Bytes", "BuildCache", "TemplateEngine",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: releaseSettings
        ),
        // What a rebuild remembers of the last build, and what it tells: which outputs are stale.
        .target(name: "BuildCache", dependencies: ["Model"], swiftSettings: releaseSettings),
        // The one system call Swift's Glibc module does not bring: renameat2, which swaps the new site in.
        .target(name: "SiteSwap"),
        .target(name: "Publishing", dependencies: ["Diagnostics", "Model", "BuildCache", "SiteSwap"], swiftSettings: releaseSettings),
        .target(
            name: "BulletinCore",
            dependencies: ["ContentLoading", "SiteRendering", "Publishing", "BuildCache", "Diagnostics", "Model"],
            swiftSettings: releaseSettings
        ),
        // `bulletin import`: a plan's published text (plain text, .docx, PDF) to a content folder.
        .target(
            name: "Importing",
            dependencies: ["ContentLoading", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: releaseSettings
        ),
        // The preview server: serve, watch, rebuild, reload.
        .target(
            name: "Preview",
            dependencies: [
                "BulletinCore", "Diagnostics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "BulletinCore", "Diagnostics", "Preview", "Importing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "BulletinTests",
            dependencies: ["BulletinCore", "BuildCache", "ContentLoading", "SiteRendering", "Markdown", "Publishing", "Model", "Diagnostics", "Charts", "Preview", "Bytes", "TemplateEngine", "Importing",
                           .product(name: "Yams", package: "Yams"), .product(name: "Mustache", package: "swift-mustache"), .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
