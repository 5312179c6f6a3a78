import FuzzTargets
import Foundation

// Two builds of one file.
// - `make fuzz` builds it with `-sanitize=fuzzer,address -DFUZZING`:
//   our main hands libFuzzer's driver the target that RESEAU_FUZZ_TARGET names (loader,
//   mermaid, scene, trace).
// - A plain build replays inputs: `reseau-fuzz TARGET FILE...` runs each file through the
//   target and says which one stopped it.

#if FUZZING
import CFuzzer

@main
struct Fuzz {
    static func main() {
        guard FuzzTargets.names.contains(target) else {
            FileHandle.standardError.write(Data("RESEAU_FUZZ_TARGET must be one of \(FuzzTargets.names.joined(separator: ", "))\n".utf8))
            exit(2)
        }
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzTargets.run(target, data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        })
    }
}

let target = ProcessInfo.processInfo.environment["RESEAU_FUZZ_TARGET"] ?? ""
#else
@main
struct Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, FuzzTargets.names.contains(name) else {
            print("usage: reseau-fuzz \(FuzzTargets.names.joined(separator: "|")) FILE...")
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { print("\(path): cannot read"); exit(1) }
            print(path)
            FuzzTargets.run(name, [UInt8](data))
        }
    }
}
#endif
