#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ISO 8601 UTC timestamps with milliseconds, as events record them.
public enum Timestamp {
    /// Now, e.g. `2026-11-24T19:48:35.123Z`.
    public static func now() -> String {
        let (t, ms) = clockNow()
        let c = components(t)
        return "\(pad(c.tm_year + 1900, 4))-\(pad(c.tm_mon + 1, 2))-\(pad(c.tm_mday, 2))T"
            + "\(pad(c.tm_hour, 2)):\(pad(c.tm_min, 2)):\(pad(c.tm_sec, 2)).\(pad(Int32(ms), 3))Z"
    }

    /// Now, compact and safe in a file name, e.g. `20261124T194835.123Z`.
    public static func fileNameSafeNow() -> String {
        let (t, ms) = clockNow()
        let c = components(t)
        return "\(pad(c.tm_year + 1900, 4))\(pad(c.tm_mon + 1, 2))\(pad(c.tm_mday, 2))T"
            + "\(pad(c.tm_hour, 2))\(pad(c.tm_min, 2))\(pad(c.tm_sec, 2)).\(pad(Int32(ms), 3))Z"
    }

    private static func clockNow() -> (time_t, Int) {
        var tv = timeval()
        gettimeofday(&tv, nil)
        return (tv.tv_sec, Int(tv.tv_usec / 1000))
    }

    private static func components(_ time: time_t) -> tm {
        var t = time
        var value = tm()
        gmtime_r(&t, &value)
        return value
    }

    private static func pad(_ n: Int32, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
