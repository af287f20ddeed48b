// swift-tools-version: 6.0
import PackageDescription

// libFuzzer harnesses over the parsers that read what content authors write. Built and run by Fuzz/run.sh:
// `swift build -Xswiftc -sanitize=fuzzer,address` links libFuzzer's main, so the harnesses have none of their own.
let harness: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "bulletin-fuzz",
    // `bulletin` is a link to the project, so that the package is known by that name wherever it is checked out.
    dependencies: [.package(path: "bulletin")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzContent", dependencies: ["FuzzDriver", .product(name: "BulletinModules", package: "bulletin")], swiftSettings: harness),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["FuzzDriver", .product(name: "BulletinModules", package: "bulletin")], swiftSettings: harness),
        .executableTarget(name: "FuzzImport", dependencies: ["FuzzDriver", .product(name: "BulletinModules", package: "bulletin")], swiftSettings: harness),
        .executableTarget(name: "FuzzTemplate", dependencies: ["FuzzDriver", .product(name: "BulletinModules", package: "bulletin")], swiftSettings: harness),
    ]
)
