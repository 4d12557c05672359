import Routing
import Storage

/// How a storage fault is answered: a full disk is 507, every other fault 503, each with a
/// Chinese and an English message (docs/RELIABILITY.md, the fault table). In every case nothing
/// of the request was written, so the client may send it again later.
extension StorageFault: HTTPErrorConvertible {
    public var httpError: HTTPError {
        switch kind {
        case .full: .insufficientStorage(text)
        case .ioError, .readOnly, .moved: .storageUnavailable(text)
        }
    }

    /// The one place these messages live (for the `Accept-Language` mechanism to take over).
    var text: BilingualText {
        switch kind {
        case .full:
            BilingualText(english: "the server's disk is full: nothing was saved; send the request again once an operator has freed space",
                          chinese: "服务器磁盘已满，本次提交未保存；请在管理员释放空间后重新提交")
        case .ioError:
            BilingualText(english: "the server's disk reports errors: nothing was saved; send the request again later and tell an operator",
                          chinese: "服务器磁盘读写出错，本次提交未保存；请稍后重试并通知管理员")
        case .readOnly:
            BilingualText(english: "the server's database cannot be written: nothing was saved; tell an operator",
                          chinese: "服务器数据库当前无法写入，本次提交未保存；请通知管理员")
        case .moved:
            BilingualText(english: "the server's database file was moved or deleted: nothing was saved; an operator must put it back (or restart the server on the right file)",
                          chinese: "服务器数据库文件已被移动或删除，本次提交未保存；需由管理员将文件放回原处（或以正确文件重启服务）")
        }
    }
}
