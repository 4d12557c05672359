import Foundation

/// The SMTP relay of the district (settings `smtp`).
public struct SMTPServer: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// Upgrade with STARTTLS and refuse to send if the server cannot (libcurl `CURLUSESSL_ALL`).
    public var startTLS: Bool
    public var username: String?
    public var password: String?
    public var from: String

    public init(host: String, port: Int = 587, startTLS: Bool = true, username: String? = nil, password: String? = nil,
                from: String) {
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.username = username
        self.password = password
        self.from = from
    }
}

/// A plain-text e-mail in UTF-8: the subject as an RFC 2047 encoded word, the body in base64,
/// so Chinese text passes any relay unchanged.
public struct MailMessage: Sendable, Equatable {
    public var to: [String]
    public var subject: String
    public var text: String
    /// A stable id for the `Message-ID` header (the delivery id: the same on retries).
    public var messageID: String

    public init(to: [String], subject: String, text: String, messageID: String) {
        self.to = to
        self.subject = subject
        self.text = text
        self.messageID = messageID
    }

    /// The RFC 5322 message, CRLF line ends, body lines of 76 base64 characters.
    public func rendered(from: String, date: Date) -> [UInt8] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        let encodedSubject = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        let body = Data(text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn,
                                                                 .endLineWithLineFeed])
        let head = [
            "Date: \(formatter.string(from: date))",
            "From: <\(from)>",
            "To: \(to.map { "<\($0)>" }.joined(separator: ", "))",
            "Message-ID: <\(messageID)@\(domain)>",
            "Subject: \(encodedSubject)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
        ]
        return Array((head.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n").utf8)
    }
}
