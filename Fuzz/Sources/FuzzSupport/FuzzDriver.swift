import CFuzzDriver
import Foundation

/// Runs a harness under libFuzzer: hands every generated input to `body`, with the command
/// line's libFuzzer flags (`-max_total_time`, `-timeout`, `-rss_limit_mb`, corpus folders …).
///
/// `body` must accept any bytes without trapping, hanging or growing without bound: that is
/// exactly what the fuzzer checks. A harness is `FuzzDriver.run { bytes in … }` in its main.
public enum FuzzDriver {
    nonisolated(unsafe) private static var body: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }

    public static func run(_ body: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
        Self.body = body
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzDriver.body(UnsafeBufferPointer(start: data, count: size))
            return 0
        })
    }

    /// The bytes as an array (most parsers take one).
    public static func array(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] { Array(bytes) }
}

/// libFuzzer's own main refers to this; `FuzzDriver.run` replaces that main, so it is never called.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { 0 }
