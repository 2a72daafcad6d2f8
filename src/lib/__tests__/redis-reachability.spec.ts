import net from "node:net"
import { redactRedisUrl, redisUnreachable } from "../redis-reachability"

function server(reply: string | null): Promise<{ port: number; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const srv = net.createServer((socket) => socket.on("data", () => (reply === null ? socket.destroy() : socket.write(reply))))
    srv.listen(0, "127.0.0.1", () => resolve({ port: (srv.address() as net.AddressInfo).port, close: () => new Promise((r) => srv.close(() => r())) }))
  })
}

describe("redisUnreachable", () => {
  it("accepts any Redis reply to PING, an auth error included", async () => {
    for (const reply of ["+PONG\r\n", "-NOAUTH Authentication required.\r\n"]) {
      const srv = await server(reply)
      expect(await redisUnreachable(`redis://127.0.0.1:${srv.port}`)).toBeNull()
      await srv.close()
    }
  })

  it("says why when nothing listens, the server is not Redis, or the URL is wrong", async () => {
    const srv = await server(null)
    const closed = srv.port
    await srv.close()
    expect(await redisUnreachable(`redis://127.0.0.1:${closed}`)).toMatch(/ECONNREFUSED/)
    const http = await server("HTTP/1.1 400 Bad Request\r\n\r\n")
    expect(await redisUnreachable(`redis://127.0.0.1:${http.port}`)).toMatch(/does not speak the Redis protocol/)
    await http.close()
    expect(await redisUnreachable("http://127.0.0.1:6379")).toMatch(/unsupported protocol/)
    expect(await redisUnreachable("not a url")).toMatch(/not a URL/)
  })
})

describe("redactRedisUrl", () => {
  it("never shows the password", () => {
    expect(redactRedisUrl("redis://default:s3cret@cache.internal:6380/0")).toBe("redis://default:***@cache.internal:6380/0")
    expect(redactRedisUrl("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379")
  })
})
