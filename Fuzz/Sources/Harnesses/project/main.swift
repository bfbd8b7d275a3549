// The project file (litcoder.yaml), written to a folder in memory (/dev/shm) and loaded.
import Foundation
import FuzzSupport
import LitCoderCore

let root = URL(fileURLWithPath: "/dev/shm/litcoder-fuzz-project-\(getpid())")
try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
let file = root.appendingPathComponent("litcoder.yaml")

FuzzDriver.run { bytes in
    guard FileManager.default.createFile(atPath: file.path, contents: Data(bytes)) else {
        fatalError("cannot write \(file.path)")
    }
    _ = try? Project.load(root: root)
}
