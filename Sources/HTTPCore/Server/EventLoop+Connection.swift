import Glibc

/// The per-connection protocol flow: read → parse → dispatch → write, in order.
extension EventLoop {
    func onReadable(_ connection: Connection) {
        if connection.lingerUntil != nil { return discardInput(connection) }
        guard completeHandshake(connection) else { return }
        if connection.bodyStream != nil && !connection.bodyPaused && !connection.closeAfterFlush {
            return readStreamedBody(connection)
        }
        if connection.inFlightHead != nil || connection.closeAfterFlush {
            connection.readPending = true
            return
        }
        while !connection.isClosed {
            switch connection.read(into: scratch) {
            case .bytes(let count):
                if !connection.parser.hasBufferedBytes { connection.requestStartedAt = now }
                connection.parser.append(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
                connection.lastActivity = now
                advance(connection)
                if connection.inFlightHead != nil || connection.closeAfterFlush {
                    connection.readPending = true
                    return
                }
            case .wouldBlock:
                return
            case .closed:
                connection.peerClosed = true
                closeIfDone(connection)
                return
            case .failed:
                closeConnection(connection)
                return
            }
        }
    }

    func onWritable(_ connection: Connection) {
        if !completeHandshake(connection) { return }
        if connection.hasPendingOutput { flush(connection) }
    }

    /// Drives the TLS handshake; true once application data can flow.
    private func completeHandshake(_ connection: Connection) -> Bool {
        guard let tls = connection.tls, !tls.isHandshakeComplete else { return true }
        switch tls.handshake() {
        case .bytes:
            connection.lastActivity = now
            return true
        case .wantRead, .wantWrite:
            return false
        case .closed, .failed:
            closeConnection(connection)
            return false
        }
    }

    /// Parses and dispatches buffered requests while none is in flight (responses stay in order).
    func advance(_ connection: Connection) {
        while connection.inFlightHead == nil && !connection.closeAfterFlush && !connection.isClosed {
            let request: HTTPRequest?
            do {
                request = try connection.parser.nextRequest()
            } catch {
                sendProtocolError(connection, status: error.status, detail: error.reason, head: nil)
                return
            }
            guard let request else {
                sendContinueIfExpected(connection)
                return
            }
            connection.continueSent = false
            dispatch(request, on: connection)
        }
    }

    /// `100 Continue` once per request, only to HTTP/1.1 clients that asked (RFC 9110 §10.1.1).
    private func sendContinueIfExpected(_ connection: Connection) {
        guard let head = connection.parser.pendingHead, head.expectsContinue, head.version == .http11,
              !connection.continueSent else { return }
        connection.continueSent = true
        connection.settlePendingBody()
        connection.output.append(contentsOf: ResponseSerializer.continueBytes)
        flush(connection)
    }

    private func dispatch(_ parsed: HTTPRequest, on connection: Connection) {
        var streamed = parsed
        if connection.parser.isStreamingBody { streamed.bodyStream = startStreamedBody(connection, head: parsed.head) }
        let request = streamed
        let head = request.head
        connection.requestStartedAt = connection.parser.hasBufferedBytes && request.bodyStream == nil ? now : nil
        if let response = responder.respondInline(to: request, connection: connection.info) {
            finish(connection, head: head, response: response)
            return
        }
        connection.inFlightHead = head
        let (fd, id, info, responder) = (connection.fd, connection.id, connection.info, responder)
        let accepted = pool.submit { [self] in
            complete(fd: fd, id: id, response: responder.respond(to: request, connection: info))
        }
        if !accepted {
            connection.inFlightHead = nil
            stats.requestRefused()
            var response = responder.protocolErrorResponse(status: 503, detail: "the server is busy; retry shortly",
                                                           head: head, connection: connection.info)
            response.headers.set("retry-after", "1")
            finish(connection, head: head, response: response)
        } else if connection.bodyStream != nil {
            readStreamedBody(connection)  // the body may already wait in the kernel: edge-triggered, no new event
        }
    }

    /// Continues a connection after its in-flight request was answered.
    func resume(_ connection: Connection) {
        guard !connection.isClosed else { return }
        advance(connection)
        if connection.readPending && connection.inFlightHead == nil && !connection.isClosed {
            connection.readPending = false
            onReadable(connection)
        }
        closeIfDone(connection)
    }

    /// Bodies at least this large are written from their own array rather than copied into `output`.
    static var separateBodyBytes: Int { 256 * 1024 }

    /// Serializes a response into the connection's output and writes what the socket takes.
    func finish(_ connection: Connection, head: RequestHead, response: HTTPResponse) {
        // A streamed body the handler left unread (or that broke) is not worth reading on:
        // the connection closes after this response and drains the rest (see beginClose).
        let bodyLeft = connection.bodyStream != nil || connection.bodyBroken
        endStreamedBody(connection)
        let keepAlive = head.keepAlive && !draining && !connection.peerClosed && !bodyLeft
            && response.headers["connection"]?.lowercased() != "close"
        connection.settlePendingBody()
        // A large body (a download) is written from the handler's own array after the head:
        // one copy of the file per response, not two.
        let separateBody = head.method != .HEAD && !response.forbidsBody && response.body.count >= Self.separateBodyBytes
        ResponseSerializer.serialize(response, version: head.version, keepAlive: keepAlive,
                                     headOnly: head.method == .HEAD || separateBody, date: dateHeaderLine(), into: &connection.output)
        if separateBody { connection.pendingBody = response.body }
        if !keepAlive { connection.closeAfterFlush = true }
        flush(connection)
    }

    /// Answers an error found by the HTTP layer itself and closes the connection after it.
    func sendProtocolError(_ connection: Connection, status: Int, detail: String, head: RequestHead?) {
        var response = responder.protocolErrorResponse(status: status, detail: detail, head: head, connection: connection.info)
        response.headers.set("connection", "close")
        connection.settlePendingBody()
        let version = head?.version ?? .http11
        ResponseSerializer.serialize(response, version: version, keepAlive: false,
                                     headOnly: head?.method == .HEAD, date: dateHeaderLine(), into: &connection.output)
        connection.closeAfterFlush = true
        flush(connection)
    }

    func flush(_ connection: Connection) {
        while connection.hasPendingOutput {
            let inOutput = connection.outputOffset < connection.output.count
            let outcome = inOutput
                ? connection.output.withUnsafeBytes { connection.write(UnsafeRawBufferPointer(rebasing: $0[connection.outputOffset...])) }
                : connection.pendingBody.withUnsafeBytes {
                    connection.write(UnsafeRawBufferPointer(rebasing: $0[connection.pendingBodyOffset...]))
                }
            switch outcome {
            case .bytes(let count):
                if inOutput { connection.outputOffset += count } else { connection.pendingBodyOffset += count }
                connection.lastActivity = now
            case .wouldBlock:
                return
            case .closed, .failed:
                closeConnection(connection)
                return
            }
        }
        connection.output.removeAll(keepingCapacity: connection.output.capacity <= 16 * 1024)
        connection.outputOffset = 0
        connection.pendingBody = []
        connection.pendingBodyOffset = 0
        if connection.closeAfterFlush || connection.peerClosed { beginClose(connection) }
    }

    /// Half-closes after the last response and drains the peer's leftovers, so unread
    /// input does not make the kernel reset the connection before the client reads our answer.
    private func beginClose(_ connection: Connection) {
        if connection.peerClosed { return closeConnection(connection) }
        connection.tls?.shutdown()
        shutdown(connection.fd, Int32(SHUT_WR))
        connection.lingerUntil = now + 2
        discardInput(connection)
    }

    private func discardInput(_ connection: Connection) {
        while true {
            switch connection.read(into: scratch) {
            case .bytes: continue
            case .wouldBlock: return
            case .closed, .failed: return closeConnection(connection)
            }
        }
    }

    /// A peer that closed its side gets its in-flight answer, then the connection ends.
    private func closeIfDone(_ connection: Connection) {
        guard connection.peerClosed, !connection.isClosed, connection.inFlightHead == nil,
              !connection.hasPendingOutput else { return }
        closeConnection(connection)
    }
}
