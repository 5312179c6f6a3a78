import Course
import Foundation
import Drawing
import Mermaid
import NetSim
import Words

// `make bench`: figures for the loader, one per line, with the machine they ran on.
// Timings live here, never in tests.

let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")

func machine() -> String {
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("model name") }?
        .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
    return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores"
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The median of `runs` timings of `body`, in seconds.
func median(runs: Int, _ body: () -> Void) -> Double {
    let times = (0..<runs).map { _ in seconds(body) }
    return times.sorted()[times.count / 2]
}

/// Medians of two bodies timed in alternation (A B A B…), so that a busy moment of the
/// machine weighs on both alike.
func alternating(runs: Int, _ a: () -> Void, _ b: () -> Void) -> (Double, Double) {
    var timesA: [Double] = [], timesB: [Double] = []
    for _ in 0..<runs {
        timesA.append(seconds(a))
        timesB.append(seconds(b))
    }
    return (timesA.sorted()[runs / 2], timesB.sorted()[runs / 2])
}

/// `RESEAU_BENCH_ONLY=loader|mermaid|netsim|memory|terminal` runs one section (for profiling).
let only = ProcessInfo.processInfo.environment["RESEAU_BENCH_ONLY"]
func runs(_ section: String) -> Bool { only == nil || only == section }
print("machine: \(machine())")

if runs("loader") {
let (text, origin) = megabyteCourse()
let bytes = Array(text.utf8)
print("loader input: \(bytes.count) bytes from \(origin)")
_ = Lesson.parse(bytes: bytes, file: "bench.md")  // warm up
if let profile = ProcessInfo.processInfo.environment["RESEAU_BENCH_PROFILE"] {
    // For `perf record` or callgrind: the loader and cmark alone, N times each (60 by
    // default), each in a function of its own so their inclusive costs can be compared.
    let times = Int(profile) ?? 60
    for _ in 0..<times { profileLoader(bytes) }
    for _ in 0..<times { profileCmark(text) }
    exit(0)
}
var slides = 0
let (cmarkTime, loaderTime) = alternating(runs: 31, { cmarkAlone(text) },
                                          { slides = Lesson.parse(bytes: bytes, file: "bench.md").slides.count })
print(String(format: "loader: libcmark-gfm alone %.2f ms", cmarkTime * 1000))
print(String(format: "loader: reseau Lesson.parse %.2f ms (%d slides)", loaderTime * 1000, slides))
print(String(format: "loader: ratio %.2f (goal <= 1.3)", loaderTime / cmarkTime))
let decodeTime = median(runs: 21) { _ = SourceDecoder.decode(bytes, file: "bench.md") }
print(String(format: "loader: of which decoding %.2f ms", decodeTime * 1000))
}

/// A flowchart of 1,000 nodes in 10 subgraphs and 2,000 edges of every kind.
func bigFlowchart() -> String {
    var lines = ["flowchart LR"]
    let arrows = ["-->", "-.->", "==>", "---", "--o", "--x", "<-->"]
    for group in 0..<10 {
        lines.append("  subgraph g\(group) [\"Groupe \(group)\"]")
        for i in (group * 100)..<(group * 100 + 100) {
            lines.append("    n\(i)[\"Pod \(i)<br/>10.4.\(i / 250).\(i % 250)\"]:::blue")
        }
        lines.append("  end")
    }
    for e in 0..<2000 {
        let from = e % 1000, to = (e * 7 + 13) % 1000
        let label = e % 3 == 0 ? "|\"\(e) - http://n\(to):80\"|" : ""
        lines.append("  n\(from) e\(e)@\(arrows[e % arrows.count])\(label) n\(to)")
    }
    lines.append("  e0@{ animate: true }")
    return lines.joined(separator: "\n")
}

if runs("mermaid") {
let flowchart = bigFlowchart()
var parsed = (nodes: 0, edges: 0)
let mermaidTime = median(runs: 11) {
    let chart = Mermaid.parse(flowchart).diagram?.flowchart
    parsed = (chart?.nodes.count ?? 0, chart?.edges.count ?? 0)
}
print(String(format: "mermaid: %d nodes, %d edges parsed in %.2f ms", parsed.nodes, parsed.edges, mermaidTime * 1000))
}

/// A cluster of `nodes` Nodes, `pods` Pods and `services` Services (each selecting ten
/// Pods), for the engine's figures.
func bigCluster(nodes: Int, pods: Int, services: Int) -> Cluster {
    var b = ClusterBuilder()
    b.podCIDR = CIDR("10.0.0.0/8")!
    b.serviceCIDRs = [CIDR("172.16.0.0/12")!]
    b.nodeNetwork = CIDR("192.168.0.0/16")!
    b.nodes = (0..<nodes).map { .init(name: "node-\($0)") }
    b.pods = (0..<pods).map { i in
        .init(name: ObjectName("default", "pod-\(i)"), labels: ["app": "app-\(i % services)"], nodeName: "node-\(i % nodes)",
              ports: [ContainerPort(port: 8080)])
    }
    b.services = (0..<services).map { i in
        .init(Service(name: ObjectName("default", "svc-\(i)"), ports: [ServicePort(port: 80, targetPort: .number(8080))],
                      selector: ["app": "app-\(i)"]))
    }
    return b.build().0
}

func traceMedian(_ cluster: Cluster, services: Int) -> Double {
    let tracer = Tracer(cluster: cluster)
    let requests = (0..<1000).map { i in
        Request(from: "pod-\(i % 100)", url: "http://\(cluster.services[1 + (i * 7919) % services].clusterIP!):80/", seed: UInt64(i))
    }
    var times: [Double] = []
    for round in 0..<5 {
        for request in requests {
            let t = seconds { _ = tracer.trace(request) }
            if round > 0 { times.append(t) }
        }
    }
    return times.sorted()[times.count / 2]
}

if runs("netsim") {
var built: Cluster?
let buildTime = seconds { built = bigCluster(nodes: 1000, pods: 100_000, services: 10_000) }
let big = built!
print(String(format: "netsim: built 1,000 nodes, 100,000 pods, 10,000 services in %.2f s", buildTime))
if ProcessInfo.processInfo.environment["RESEAU_BENCH_PROFILE"] != nil {
    // For `perf record`: only traces, many times.
    for _ in 0..<40 { _ = traceMedian(big, services: 10_000) }
    exit(0)
}
let bigTrace = traceMedian(big, services: 10_000)
let small = bigCluster(nodes: 10, pods: 100, services: 10)
let smallTrace = traceMedian(small, services: 10)
print(String(format: "netsim: trace median %.1f µs at 10,000 services (goal <= 10 µs)", bigTrace * 1e6))
print(String(format: "netsim: trace median %.1f µs at 10 services; ratio %.2f (goal <= 1.5)", smallTrace * 1e6, bigTrace / smallTrace))
}

if runs("drawing") {
/// A flowchart of `count` nodes in groups of ten, each node linked to the next and, every
/// group, one to a node of the group after next.
func groupedFlowchart(_ count: Int) -> Flowchart {
    var lines = ["flowchart TD"]
    for g in 0..<(count / 10) {
        lines.append("  subgraph g\(g) [Group \(g)]")
        for i in 0..<10 { lines.append("    n\(g * 10 + i)[\"Node \(g * 10 + i)<br/>10.0.\(g).\(i)\"]") }
        lines.append("  end")
    }
    for n in 0..<(count - 1) { lines.append("  n\(n) --> n\(n + 1)") }
    for g in 0..<max(0, count / 10 - 2) { lines.append("  n\(g * 10) -.-> n\(g * 10 + 15)") }
    return Mermaid.parse(lines.joined(separator: "\n")).diagram!.flowchart!
}
/// How a cost grows: the times at 10× and 100× the first size, beside what n log n would give.
func growth(_ name: String, _ sizes: [Int], _ times: [Double]) {
    for (size, time) in zip(sizes, times).dropFirst() {
        let ratio = time / times[0], n = Double(size) / Double(sizes[0])
        let nlogn = n * log(Double(size)) / log(Double(sizes[0]))
        print(String(format: "drawing: %@: %d× the size costs %.2f× (n log n would be %.1f×, n² %.0f×)", name, Int(n), ratio, nlogn, n * n))
    }
}
let renderer = DiagramRenderer(glyphs: Glyphs(ascii: false))
var chartTimes: [Double] = []
let chartSizes = [10, 100, 1000]
for size in chartSizes + [200] {
    let chart = groupedFlowchart(size)
    var laidOut = 0
    let time = median(runs: size >= 1000 ? 3 : 5) { laidOut = renderer.render(chart, maxWidth: 200).count }
    print(String(format: "drawing: %d-node flowchart laid out, routed and drawn in %.1f ms (%d lines)%@", size, time * 1000, laidOut,
                 size == 1000 ? " (goal <= 200 ms)" : ""))
    if size != 200 { chartTimes.append(time) }
}
growth("flowchart", chartSizes, chartTimes)
// A scene as a cluster's dump gives it: many Pods on 20 Nodes, 10 Services, one flow from a
// Pod to a Service; 20 Pods are drawn whole, more summarised (the flow's Pods, each Node's count).
var sceneTimes: [Double] = []
let sceneSizes = [20, 200, 2000]
for pods in sceneSizes + [500] {
    let cluster = bigCluster(nodes: 20, pods: pods, services: 10)
    let trace = Tracer(cluster: cluster).trace(Request(from: "pod-3", url: "http://\(cluster.services[2].clusterIP!):80/"))
    var lines = 0
    let time = median(runs: 5) {
        let drawn = SceneDiagram.fitted(cluster, traces: [trace], maxWidth: 120, renderer: renderer, words: French())
        lines = renderer.render(drawn.chart, layout: drawn.layout, maxWidth: 120).count
    }
    print(String(format: "drawing: scene of %d Pods on 20 Nodes with a flow drawn in %.1f ms (%d lines)%@", pods, time * 1000, lines,
                 pods == 500 ? " (goal <= 200 ms)" : ""))
    if pods != 500 { sceneTimes.append(time) }
}
growth("scene", sceneSizes, sceneTimes)
let seedPath = shared.appendingPathComponent("course/reseau.md").path
if FileManager.default.fileExists(atPath: seedPath) {
    let seedLesson = Lesson.load(path: seedPath)
    let slideRenderer = SlideRenderer(width: 100)
    let slidesTime = median(runs: 5) { for slide in seedLesson.slides { _ = slideRenderer.render(slide) } }
    print(String(format: "drawing: the seed's %d slides rendered at 100 columns in %.1f ms", seedLesson.slides.count, slidesTime * 1000))
} else {
    print("drawing: ../shared/course/reseau.md is absent: the seed's slides are not timed")
}
}

// MARK: - In a terminal: reseau against mdp, idle, animation, memory

/// The reseau built next to this benchmark (release), and mdp.
let reseauPath = ProcessInfo.processInfo.environment["RESEAU_BENCH_RESEAU"]
    ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("reseau").path
let mdpPath = ["/usr/bin/mdp", "/usr/local/bin/mdp"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// Opens `path` with `arguments` in a 120×40 terminal with `q` already typed: the time until
/// it has drawn its first frame, read the key and ended; nil when it did not end or drew
/// almost nothing.
func firstFrameAndOut(_ path: String, _ arguments: [String], columns: Int, rows: Int) -> Double? {
    let start = DispatchTime.now().uptimeNanoseconds
    guard let program = try? PseudoTerminal(path, arguments, columns: columns, rows: rows) else { return nil }
    program.type("q")
    guard program.waitForExit(limit: 10) == 0, program.bytesRead > 500 else { return nil }
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

if runs("memory") {
    if FileManager.default.isExecutableFile(atPath: reseauPath) { measureLoaderMemory(reseau: reseauPath) }
    else { print("loader memory: \(reseauPath) is not built: run `make bench`") }
}

if runs("terminal") {
    print("terminal: reseau is \(reseauPath)")
    // The size `make install` gives it: the same program, stripped as install-files does.
    let stripped = NSTemporaryDirectory() + "reseau-bench-stripped-\(getpid())"
    if (try? FileManager.default.copyItem(atPath: reseauPath, toPath: stripped)) != nil {
        let strip = Process()
        strip.executableURL = URL(fileURLWithPath: "/usr/bin/strip")
        strip.arguments = [stripped]
        if (try? strip.run()) != nil {
            strip.waitUntilExit()
            let built = (try? FileManager.default.attributesOfItem(atPath: reseauPath)[.size] as? Int) ?? 0
            let size = (try? FileManager.default.attributesOfItem(atPath: stripped)[.size] as? Int) ?? 0
            print(String(format: "terminal: installed program (stripped) %.1f MB, built %.1f MB (goal <= 25 MB)", Double(size) / 1e6, Double(built) / 1e6))
        }
        try? FileManager.default.removeItem(atPath: stripped)
    }
    let seed = shared.appendingPathComponent("course/reseau.md").path
    if !FileManager.default.fileExists(atPath: reseauPath) {
        print("terminal: \(reseauPath) is not built: run `make bench`")
    } else if !FileManager.default.fileExists(atPath: seed) {
        print("terminal: ../shared/course/reseau.md is absent: the terminal figures are not measured")
    } else {
        // Time to first frame and out, in alternation. In 120×40 mdp refuses the seed page
        // ("Terminal width (120 columns) too small. Need at least 147 columns", then "Need at
        // least 92 lines for slide #7": it shows a slide only whole), so the comparison also
        // runs in 150×100, where both draw it.
        if let mdp = mdpPath {
            for (columns, rows) in [(120, 40), (150, 100)] {
                var a: [Double] = [], b: [Double] = []
                for _ in 0..<21 {
                    if let t = firstFrameAndOut(reseauPath, ["--lang", "en", seed], columns: columns, rows: rows) { a.append(t) }
                    if let t = firstFrameAndOut(mdp, ["-f", seed], columns: columns, rows: rows) { b.append(t) }
                }
                let ra = a.isEmpty ? .nan : a.sorted()[a.count / 2], rb = b.isEmpty ? .nan : b.sorted()[b.count / 2]
                // A program that never drew has no time: said so, not "nan ms".
                let mdpFigure = b.isEmpty ? "mdp -f never drew the page (0/21: too small for its slides)"
                    : String(format: "mdp -f %.1f ms (%d/21 drew)", rb * 1000, b.count)
                let reseauFigure = a.isEmpty ? "reseau never drew (0/21)" : String(format: "reseau %.1f ms (%d/21 drew)", ra * 1000, a.count)
                print("terminal: first frame and out, seed page, \(columns)x\(rows): \(reseauFigure), \(mdpFigure), alternated")
                if !a.isEmpty && !b.isEmpty {
                    print(String(format: "terminal: first frame and out at %dx%d: ratio reseau/mdp %.2f (goal <= 1.0)", columns, rows, ra / rb))
                }
            }
        } else {
            print("terminal: mdp is not installed (make bench installs it): no comparison")
        }

        // Idle: a slide open, nothing moving, for 10 s.
        if let program = try? PseudoTerminal(reseauPath, ["--lang", "en", seed]) {
            program.readUntilQuiet(0.5)
            let cpu0 = program.cpuSeconds, bytes0 = program.bytesRead
            program.read(for: 10)
            let cpu = program.cpuSeconds - cpu0, bytes = program.bytesRead - bytes0
            print(String(format: "terminal: idle 10 s on a slide: %.2f ms of CPU, %d bytes written (goal: none)", cpu * 1000, bytes))
            print(String(format: "terminal: peak memory on the seed page: reseau %.1f MiB (goal <= 12 MiB)", program.peakMemoryMiB))
            program.type("q")
            _ = program.waitForExit()
        }
        if let mdp = mdpPath, let program = try? PseudoTerminal(mdp, ["-f", seed], columns: 150, rows: 100) {
            program.readUntilQuiet(0.5)
            print(String(format: "terminal: peak memory on the seed page: mdp %.1f MiB (150x100)", program.peakMemoryMiB))
            program.type("q")
            _ = program.waitForExit()
        }

        // Animation: the NodePort flow (slide 7) looping in presenter mode. Two runs, 1 s and
        // 11 s of playing: their difference is 10 s of animation alone, without the first
        // frames.
        func animate(for seconds: Double) -> (cpu: Double, bytes: Int, steps: Int, frames: Int, byKind: [String: [Int]])? {
            let stats = NSTemporaryDirectory() + "reseau-bench-stats-\(getpid()).json"
            defer { try? FileManager.default.removeItem(atPath: stats) }
            guard let program = try? PseudoTerminal(reseauPath, ["--lang", "en", seed], environment: ["RESEAU_STATS": stats]) else { return nil }
            program.readUntilQuiet(0.5)
            program.type("7G")
            program.readUntilQuiet(0.3)
            let cpu0 = program.cpuSeconds, bytes0 = program.bytesRead
            program.recording = true
            program.type("P")
            program.read(for: seconds)
            let cpu = program.cpuSeconds - cpu0, bytes = program.bytesRead - bytes0
            program.type("q")
            guard program.waitForExit() == 0, let data = FileManager.default.contents(atPath: stats),
                  let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
            // The bytes read after a frame's moment and before the next one's are that frame's.
            let log = (json["animation"] as? [[String: Any]] ?? []).compactMap { f -> (Double, String)? in
                guard let at = f["at"] as? Double, let kind = f["kind"] as? String else { return nil }
                return (at, kind)
            }
            var byKind: [String: [Int]] = [:]
            for (i, (at, kind)) in log.enumerated() {
                let next = i + 1 < log.count ? log[i + 1].0 : .infinity
                let written = program.chunks.filter { $0.at >= at && $0.at < next }.map(\.bytes).reduce(0, +)
                if written > 0 { byKind[kind, default: []].append(written) }
            }
            return (cpu, bytes, json["packetSteps"] as? Int ?? 0, json["frames"] as? Int ?? 0, byKind)
        }
        if let short = animate(for: 1), let long = animate(for: 11), long.steps > short.steps {
            let cpu = long.cpu - short.cpu, bytes = long.bytes - short.bytes, steps = long.steps - short.steps
            let frames = long.frames - short.frames
            print(String(format: "terminal: animation, NodePort flow for 10 s: %.1f ms of CPU = %.2f %% of a core (goal <= 1 %%), %d frames",
                         cpu * 1000, cpu / 10 * 100, frames))
            print(String(format: "terminal: animation: %.1f bytes written per packet step on average (%d steps, moves and hop changes)",
                         Double(bytes) / Double(steps), steps))
            // #19: a step that only moves the packet writes its cells and the hop list's
            // marker (goal <= 64 bytes); a hop change rewrites the inspector's lines too.
            for kind in ["move", "hop"] {
                let sizes = (long.byKind[kind] ?? []).sorted()
                guard !sizes.isEmpty else { print("terminal: animation: no \(kind) step seen"); continue }
                let mean = Double(sizes.reduce(0, +)) / Double(sizes.count)
                print(String(format: "terminal: animation: a %@ step writes %.1f bytes on average (median %d, max %d, %d steps)%@",
                             kind == "move" ? "packet move" : "hop change", mean, sizes[sizes.count / 2], sizes.last!, sizes.count,
                             kind == "move" ? " (goal <= 64)" : ""))
            }
        } else {
            print("terminal: animation: the NodePort flow did not play")
        }
    }
}
