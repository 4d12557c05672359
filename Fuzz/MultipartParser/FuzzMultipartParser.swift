// libFuzzer target over the streaming multipart parser (compiled with Sources/Multipart/*.swift;
// see scripts/fuzz-http). The first input byte picks a split point; the rest is the body, with
// the boundary `XyZ`.
//
// Invariants beyond "no crash":
// - fed whole or split in two (or byte by byte for short inputs), the events (data merged per
//   part) and the outcome are the same;
// - the part data handed out never exceeds the input, and parts never exceed the limit.

private struct Outcome: Equatable {
    var parts: [MultipartPartHeaders] = []
    var data: [[UInt8]] = []
    var ended = false
    var error: MultipartError?
}

private let limits: MultipartLimits = {
    var limits = MultipartLimits()
    limits.maxParts = 8
    limits.maxPartHeaderBytes = 512
    return limits
}()

private func run(_ chunks: [ArraySlice<UInt8>]) -> Outcome {
    var outcome = Outcome()
    do {
        var parser = try MultipartParser(boundary: "XyZ", limits: limits)
        for chunk in chunks {
            for event in try parser.feed(chunk) {
                switch event {
                case .partStart(let headers):
                    outcome.parts.append(headers)
                    outcome.data.append([])
                case .data(let bytes):
                    precondition(!outcome.data.isEmpty, "data before any part")
                    outcome.data[outcome.data.count - 1] += bytes
                case .partEnd: break
                case .end: outcome.ended = true
                }
            }
        }
        try parser.finish()
    } catch {
        return Outcome(error: error)
    }
    return outcome
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMultipart(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let all = Array(UnsafeBufferPointer(start: data, count: size))
    let body = all[1...]
    let whole = run([body])
    let split = body.startIndex + Int(all[0]) % (body.count + 1)
    let halves = run([body[..<split], body[split...]])
    precondition(halves == whole, "split at \(split - 1) differs")
    if body.count <= 256 {
        precondition(run(body.map { [$0][...] }) == whole, "byte by byte differs")
    }
    precondition(whole.parts.count <= limits.maxParts, "too many parts")
    precondition(whole.data.reduce(0) { $0 + $1.count } <= body.count, "more data than input")
    return 0
}
