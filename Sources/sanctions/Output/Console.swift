import ArgumentParser
import Foundation
import SanctionsLedger

/// Writing to stdout and stderr, and mapping failures to documented exit codes.
enum Console {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func noteInline(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}

/// The exit codes scripts can rely on (documented in the root command's help and the README).
enum Exit {
    static let verifyFailed: Int32 = 1
    static let invalidInput: Int32 = 2
    static let review: Int32 = 3
    static let blocked: Int32 = 4
    static let conflict: Int32 = 5
    static let failure: Int32 = 6
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
