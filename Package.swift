// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "bulletin",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bulletin", targets: ["bulletin"]),
        .executable(name: "bulletin-template-step", targets: ["bulletin-template-step"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The Markdown engine: Debian's libcmark-gfm with its GFM extensions.
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "Diagnostics"),
        // Build-time SVG charts: scales, ticks, Chinese number style, text measuring. Knows nothing of the site.
        .target(name: "Charts"),
        .target(name: "Markdown", dependencies: ["CMarkGFM"]),
        .target(name: "Model"),
        .target(
            name: "ContentLoading",
            dependencies: ["Model", "Markdown", "Diagnostics", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "SiteRendering",
            dependencies: [
                "Model", "Markdown", "Diagnostics", "Charts",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "Publishing", dependencies: ["Diagnostics", "Model"]),
        .target(
            name: "BulletinCore",
            dependencies: ["ContentLoading", "SiteRendering", "Publishing", "Diagnostics", "Model"]
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
                "BulletinCore", "Diagnostics", "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Benchmarks/template-step.sh: the template step alone, compiled renderer against swift-mustache.
        .executableTarget(
            name: "bulletin-template-step",
            dependencies: ["ContentLoading", "SiteRendering", "Diagnostics"],
            path: "Benchmarks/TemplateStep"
        ),
        .testTarget(
            name: "BulletinTests",
            dependencies: ["BulletinCore", "ContentLoading", "SiteRendering", "Markdown", "Publishing", "Model", "Diagnostics", "Charts", "Preview",
                           .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
