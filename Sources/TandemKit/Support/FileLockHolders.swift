import Foundation

/// The processes holding an `flock` on a file, as Linux lists them in `/proc/locks`, named by
/// their command lines: what a run waiting for a shared lock's holders (which write nothing into
/// the lock file, there may be many) can tell its user, e.g. `pid 4321 (tandem translate)`.
enum FileLockHolders {
    /// `pid N (command line)` of every other process with an `flock` on `path`; empty when the
    /// kernel does not say (no `/proc`, another system) or none holds one.
    static func processes(holding path: String) -> [String] {
        var status = stat()
        guard stat(path, &status) == 0,
              let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return [] }
        // A line: `1: FLOCK  ADVISORY  READ  4321 fd:01:5677698 0 EOF` (major:minor:inode, the
        // device numbers in hex). A waiting request is listed as `1: -> FLOCK …`: not a holder.
        let device = UInt64(status.st_dev)
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~0xfff)
        let minor = (device & 0xff) | ((device >> 12) & ~0xff)
        let file = String(format: "%02x:%02x:%llu", major, minor, UInt64(status.st_ino))
        var pids: [Int32] = []
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK", fields[5] == file,
                  let pid = Int32(fields[4]), pid != getpid(), !pids.contains(pid) else { continue }
            pids.append(pid)
        }
        return pids.map { pid in
            let command = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline")))
                .map { data in
                    // The program's name without its folder; a URL's password never shown.
                    data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.enumerated().map { argument in
                        argument.offset == 0 ? URL(fileURLWithPath: argument.element).lastPathComponent
                            : MemoryAddress.redactingPassword(argument.element)
                    }.joined(separator: " ")
                } ?? ""
            return command.isEmpty ? "pid \(pid)" : "pid \(pid) (\(command))"
        }
    }
}
