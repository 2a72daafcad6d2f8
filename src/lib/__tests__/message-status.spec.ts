import { nextOutboundStatus, statusesUpgradableTo } from "../message-status"

describe("outbound status", () => {
  it("only moves forward", () => {
    expect(nextOutboundStatus("sent", "read")).toBe("read")
    expect(nextOutboundStatus("read", "delivered")).toBe("read")
    expect(nextOutboundStatus("read", "sent")).toBe("read")
    expect(["read", "sent", "delivered"].reduce(nextOutboundStatus, "sending")).toBe("read")
  })

  it("lets a failure win until the message was delivered", () => {
    expect(nextOutboundStatus("sent", "failed")).toBe("failed")
    expect(nextOutboundStatus("delivered", "failed")).toBe("delivered")
    expect(nextOutboundStatus("failed", "read")).toBe("failed")
  })

  it("gives the SQL guard the statuses an update may replace", () => {
    expect(statusesUpgradableTo("delivered")).toEqual(["queued", "sending", "sent"])
    expect(statusesUpgradableTo("failed")).toEqual(["queued", "sending", "sent"])
    expect(statusesUpgradableTo("deleted")).toEqual([])
  })

  it("applies played after read (voice messages) and never lets a late read or failure undo it", () => {
    expect(nextOutboundStatus("read", "played")).toBe("played")
    expect(nextOutboundStatus("delivered", "played")).toBe("played")
    expect(nextOutboundStatus("played", "read")).toBe("played")
    expect(nextOutboundStatus("played", "failed")).toBe("played")
    expect(statusesUpgradableTo("played")).toEqual(["queued", "sending", "sent", "delivered", "read"])
  })
})
