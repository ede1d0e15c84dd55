// swift-tools-version:6.0
import PackageDescription

/// tq: a touchpoint workbench. Modules follow the stages of a statement:
/// syntax → execution (planning + operators) over storage, with IO beside it,
/// all behind the TQEngine facade that the `tq` executable and the tests use.
let package = Package(
  name: "tq",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "tq", targets: ["tq"]),
    .executable(name: "tq-floor", targets: ["tq-floor"]),
    .library(name: "TQEngine", targets: ["TQEngine"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .target(name: "TQStorage"),
    .target(name: "TQSyntax"),
    .target(name: "TQIO", dependencies: ["TQStorage"]),
    .target(name: "TQExecution", dependencies: ["TQStorage", "TQSyntax", "TQJourney"]),
    .target(name: "TQLessons", dependencies: [.product(name: "Yams", package: "Yams")]),
    .target(
      name: "TQEngine",
      dependencies: [
        "TQStorage", "TQSyntax", "TQIO", "TQExecution", "TQGenerate", "TQLessons", .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(name: "TQTestSupport", dependencies: ["TQEngine"]),
    .target(name: "TQGenerate", dependencies: ["TQStorage"]),
    .target(name: "TQJourney", dependencies: ["TQStorage"]),
    .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    .target(name: "TQShell", dependencies: ["TQEngine", "TQSyntax", "TQIO", "TQStorage", "CLibEdit"]),
    .executableTarget(
      name: "tq",
      dependencies: ["TQEngine", "TQShell", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .executableTarget(
      name: "tq-floor", dependencies: ["TQEngine", "TQStorage"], path: "Benchmarks/Floor",
      swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
    ),
    .testTarget(name: "TQExecutionTests", dependencies: ["TQExecution", "TQGenerate", "TQStorage", "TQSyntax"]),
    .testTarget(name: "TQStorageTests", dependencies: ["TQStorage"]),
    .testTarget(name: "TQSyntaxTests", dependencies: ["TQSyntax"]),
    .testTarget(name: "TQIOTests", dependencies: ["TQIO", "TQStorage"]),
    .testTarget(name: "TQGoldenTests", dependencies: ["TQTestSupport", "TQEngine"], exclude: ["transcripts"]),
    .testTarget(name: "TQEngineTests", dependencies: ["TQEngine", "TQIO", "TQStorage", "TQSyntax"]),
    .testTarget(name: "TQLessonsTests", dependencies: ["TQLessons", "TQEngine", "TQStorage"]),
    .testTarget(name: "TQGenerateTests", dependencies: ["TQGenerate", "TQStorage"]),
    .testTarget(name: "TQJourneyTests", dependencies: ["TQJourney", "TQGenerate", "TQStorage"]),
    .testTarget(name: "TQShellTests", dependencies: ["TQShell", "TQEngine", "TQSyntax"]),
  ],
  swiftLanguageModes: [.v6]
)

let optimized: [SwiftSetting] = [.unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release))]
for target in package.targets where target.type == .regular {
  target.swiftSettings = (target.swiftSettings ?? []) + optimized
}
