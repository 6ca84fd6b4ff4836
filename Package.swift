// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Tandem",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TandemKit", targets: ["TandemKit"]),
        .executable(name: "tandem", targets: ["tandem"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // The embedded translation memory: SQLite through GRDB (WAL, migrations, busy timeout).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // System ICU behind a C shim whose public header uses only <stdint.h> types:
        // Foundation on Linux carries its own ICU, and importing system ICU headers into a
        // Swift module that also sees Foundation clashes (see shared/docs/design.md).
        .target(
            name: "CTandemICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        // syncfs(2) and other Linux calls Glibc's Swift module leaves out.
        .target(name: "CTandemSystem"),
        // GitHub's CommonMark + GFM parser (what Hugo's goldmark follows), from Debian.
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // PostgreSQL's C client library (libpq), for the shared translation memory: synchronous
        // like the TranslationMemory protocol, and nothing to compile (postgres-nio is async and
        // adds minutes to a clean build).
        .systemLibrary(name: "CLibPQ", providers: [.apt(["libpq-dev"])]),
        // libxml2 (its include path and library, from pkg-config); only CTandemXML includes its
        // headers, which include system ICU's (see CTandemXML.h).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // libxml2's SAX2 push parser driven from C, for the TMX import (the same library
        // FoundationXML wraps, without its per-element Strings and dictionaries).
        .target(name: "CTandemXML", dependencies: ["CLibXML2"]),
        // The libpq functions Tandem calls, forwarded to libpq.so.5 loaded on first use: a
        // command that never opens a PostgreSQL memory does not pay for loading libpq and the
        // TLS and Kerberos libraries it needs (CLibPQ declares, this defines).
        .target(name: "CTandemLibPQ", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "TandemKit",
            dependencies: [
                "CTandemICU",
                "CTandemSystem",
                "CCmarkGFM",
                "CLibPQ",
                "CTandemLibPQ",
                "CTandemXML",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // UnitInsertStatement binds values through SQLite's C API directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            // The shipped zh-CN → en glossary, compiled into the binary for `tandem init`
            // (a link to glossaries/zh-CN/en.tsv, the one copy that is edited and linted).
            resources: [.embedInCode("Glossary/Shipped/zh-CN-en.tsv")]
        ),
        .executableTarget(
            name: "tandem",
            dependencies: [
                "TandemKit",
                // The terminal's size for `tandem translate` (an ioctl Swift cannot call).
                "CTandemSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets (corpus location, running the binary, a PostgreSQL
        // schema of their own for the shared-memory tests).
        .target(name: "TandemTestSupport", dependencies: ["CLibPQ", "CTandemLibPQ"], path: "Sources/TandemTestSupport"),
        // Fixtures/ holds other tools' files the tests read in place (see Fixtures/Interop/SOURCES.md).
        .testTarget(name: "TandemKitTests", dependencies: ["TandemKit", "TandemTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "tandemTests", dependencies: ["tandem", "TandemTestSupport"]),
    ]
)
