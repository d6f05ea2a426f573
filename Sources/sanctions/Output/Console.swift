import ArgumentParser
import Foundation
import SanctionsLedger

/// Writing to stdout and stderr, and mapping failures to documented exit codes.
enum Console {
    /// A line on stdout; a write error (a full disk, a closed pipe) is an error, never a trap.
    static func print(_ text: String) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
        } catch {
            throw OutputError(file: "standard output", reason: error.localizedDescription)
        }
    }

    /// A line on stderr (messages, progress); failures to write them are ignored.
    static func note(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
    }

    static func noteInline(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// How many bad rows, anomalies or mismatches a command prints before it only counts them.
    static let shownProblems = 50
}

/// The exit codes scripts can rely on (documented in the root command's help and the README).
enum Exit {
    static let verifyFailed: Int32 = 1
    static let invalidInput: Int32 = 2
    static let review: Int32 = 3
    static let blocked: Int32 = 4
    static let conflict: Int32 = 5
    static let failure: Int32 = 6

    /// The exit code of a screening outcome: 0 permitted, 3 review or unknown, 4 licence required or prohibited.
    static func verdict(_ outcome: Outcome) -> ExitCode {
        switch outcome {
        case .permitted: .success
        case .review, .unknown: ExitCode(review)
        case .licenseRequired, .prohibited: ExitCode(blocked)
        }
    }
}

/// Runs a command body, printing domain errors as `error: ...` and exiting with their code.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch let error as InputError {
        Console.note("error: \(error)")
        throw ExitCode(Exit.invalidInput)
    } catch let error as StoreError {
        Console.note("error: \(error)")
        throw ExitCode(error.code == .writeConflict || error.code == .busy ? Exit.conflict : Exit.failure)
    } catch {
        Console.note("error: \(error)")
        throw ExitCode(Exit.failure)
    }
}
