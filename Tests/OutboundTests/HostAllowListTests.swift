@testable import Outbound
import Testing

@Suite struct HostAllowListTests {
    let list = HostAllowList(["qyapi.weixin.qq.com", "oapi.dingtalk.com", "10.1.2.3", "::1"])

    @Test func listedHostsPassWhateverTheirCase() throws {
        #expect(try list.check(url: "https://QYAPI.weixin.qq.com/cgi-bin/webhook/send?key=x").get() == "QYAPI.weixin.qq.com")
        #expect(try list.check(url: "http://10.1.2.3:8080/hook").get() == "10.1.2.3")
        #expect(try list.check(url: "http://[::1]:9000/x").get() == "[::1]")
    }

    @Test func otherHostsAndSchemesAreRefused() {
        #expect(throws: OutboundError.hostNotAllowed("evil.example.com")) {
            try list.check(url: "https://oapi.dingtalk.com@evil.example.com/robot/send").get()
        }
        #expect(throws: OutboundError.hostNotAllowed("qyapi.weixin.qq.com.evil.example.com")) {
            try list.check(url: "https://qyapi.weixin.qq.com.evil.example.com/").get()
        }
        guard case .failure(.invalidURL) = list.check(url: "file:///etc/passwd") else { Issue.record("file: accepted"); return }
        guard case .failure(.invalidURL) = list.check(url: "not a url") else { Issue.record("garbage accepted"); return }
    }
}
