/// Streamed request bodies (`RequestBodyMode.streamed`): the handler runs as soon as the head
/// arrived, and the loop moves body bytes from the socket into the request's `RequestBodyStream`
/// while it does. When the handler falls behind, the loop stops reading that socket (TCP
/// back-pressure) until the stream asks to resume, so memory stays bounded per upload.
extension EventLoop {
    /// Creates the stream for a request whose head was just parsed, and asks for the body
    /// with `100 Continue` when the client waits for it.
    func startStreamedBody(_ connection: Connection, head: RequestHead) -> RequestBodyStream {
        let (fd, id) = (connection.fd, connection.id)
        let stream = RequestBodyStream(idleTimeout: configuration.limits.bodyTimeout) { [weak self] in
            self?.resumeBody(fd: fd, id: id)
        }
        connection.bodyStream = stream
        connection.bodyPaused = false
        connection.bodyBroken = false
        if head.expectsContinue && head.version == .http11 {
            connection.continueSent = true
            connection.settlePendingBody()
            connection.output.append(contentsOf: ResponseSerializer.continueBytes)
            flush(connection)
        }
        pumpStreamedBody(connection)
        return stream
    }

    /// Reads the socket into the stream until it would block, the body is complete, or the
    /// handler is behind; bytes after the body wait in the kernel until the response is sent.
    func readStreamedBody(_ connection: Connection) {
        pumpStreamedBody(connection)
        while connection.bodyStream != nil && !connection.bodyPaused && !connection.isClosed {
            switch connection.read(into: scratch) {
            case .bytes(let count):
                connection.parser.append(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
                connection.lastActivity = now
                pumpStreamedBody(connection)
            case .wouldBlock:
                return
            case .closed:
                connection.peerClosed = true
                connection.bodyStream?.fail(.truncated)
                connection.bodyStream = nil
                connection.bodyBroken = true
                return
            case .failed:
                closeConnection(connection)
                return
            }
        }
        if connection.bodyStream == nil && !connection.isClosed { connection.readPending = true }
    }

    /// Moves what the parser holds of the body into the stream.
    private func pumpStreamedBody(_ connection: Connection) {
        guard let stream = connection.bodyStream else { return }
        let piece: StreamedBodyPiece
        do {
            piece = try connection.parser.takeStreamedBody()
        } catch {
            stream.fail(.malformed(status: error.status, reason: error.reason))
            connection.bodyStream = nil
            connection.bodyBroken = true
            return
        }
        if !piece.bytes.isEmpty && !stream.offer(piece.bytes) { connection.bodyPaused = true }
        if piece.isComplete {
            stream.finish()
            connection.bodyStream = nil
            connection.bodyPaused = false
        }
    }

    /// The response is ready: whatever of the body is still to come is dropped.
    func endStreamedBody(_ connection: Connection) {
        connection.bodyStream?.abandon()
        connection.bodyStream?.fail(.truncated)
        connection.bodyStream = nil
        connection.bodyPaused = false
        connection.bodyBroken = false
    }
}
