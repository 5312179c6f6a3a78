import Foundation

// `make bench`, the loader's memory (#20: within 5× the file): `reseau outline` on two
// lessons just under the 8 MiB cap, its peak resident memory against the same command on a
// one-slide lesson (the program itself: its libraries, Foundation's data).

/// Peak resident memory of `path arguments` run to its end, in KiB, as GNU time reports it
/// (nil when it failed). Not this program's own wait4: a child spawned from here starts in
/// this program's memory (vfork), and the kernel keeps that high-water mark across exec.
func peakResidentKiB(_ path: String, _ arguments: [String]) -> Int? {
    let time = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: time) else { return nil }
    let report = NSTemporaryDirectory() + "reseau-bench-peak-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: report) }
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([time, "-f", "%M", "-o", report, path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    guard posix_spawn(&pid, time, &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    guard waitpid(pid, &status, 0) == pid, status == 0,
          let text = try? String(contentsOfFile: report, encoding: .utf8) else { return nil }
    return Int(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "")
}

/// Lesson bodies repeated up to just under `limit` bytes, under one frontmatter.
func lessonOfSize(_ limit: Int, bodies: [String]) -> String {
    var text = "---\ntitle: Grande leçon\n---\n"
    var i = 0
    while true {
        let next = "\n" + bodies[i % bodies.count] + "\n\n---\n"
        if text.utf8.count + next.utf8.count > limit { return text }
        text += next
        i += 1
    }
}

func measureLoaderMemory(reseau: String) {
    let folder = repository.appendingPathComponent("Lessons").path
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    let pages = files.compactMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }.map { page -> String in
        let parts = page.components(separatedBy: "\n---\n")
        return page.hasPrefix("---\n") && parts.count > 1 ? parts.dropFirst().joined(separator: "\n---\n") : page
    }
    let small = (0..<20).map { "## Diapo \($0)\n\nUn paragraphe court avec du texte.\n\n- un point\n- un autre point" }
    let cap = 8 * 1024 * 1024 - 1024
    let dir = NSTemporaryDirectory() + "reseau-bench-memory-\(getpid())"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let lessons = [("the bundled lessons repeated", lessonOfSize(cap, bodies: pages)),
                   ("many small slides (a heading, a paragraph, a list)", lessonOfSize(cap, bodies: small)),
                   ("one slide", lessonOfSize(200, bodies: small))]
    var peaks: [Int] = []
    for (n, (_, text)) in lessons.enumerated() {
        let file = "\(dir)/\(n).md"
        try? text.write(toFile: file, atomically: true, encoding: .utf8)
        peaks.append(peakResidentKiB(reseau, ["outline", file]) ?? -1)
    }
    guard let base = peaks.last, base > 0 else {
        print("loader memory: `reseau outline` did not run under /usr/bin/time (Debian package `time`)")
        return
    }
    print(String(format: "loader memory: reseau outline of a one-slide lesson: peak %.1f MiB (the program itself)", Double(base) / 1024))
    for (n, (name, text)) in lessons.dropLast().enumerated() {
        let size = Double(text.utf8.count) / 1024
        guard peaks[n] > 0 else { print("loader memory: \(name): `reseau outline` failed"); continue }
        print(String(format: "loader memory: %.1f MiB lesson, %@: peak %.1f MiB, %.1f MiB above the program = %.1f× the file (goal <= 5×)",
                     size / 1024, name, Double(peaks[n]) / 1024, Double(peaks[n] - base) / 1024, Double(peaks[n] - base) / size))
    }
}
