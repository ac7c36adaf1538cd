#!/usr/bin/python3
# Messenger Lab interop: an independent XMPP client (Debian python3-slixmpp 1.8) driven against a
# server under test. Prints one JSON object per line; the test (tests/interop/xmpp-*.test.ts) asserts
# on them. Exit status 0 when every step passed, 1 otherwise (the last line is {"ev":"fail",...}).
#
#   /usr/bin/python3 xmpp-slix-driver.py --host 127.0.0.1 --port P --domain D --cafile CERT \
#       --user alice:pw --user bob:pw [--mech SCRAM-SHA-1] [--steps login,chat,subscribe,offline] [--timeout 10]
#
# Steps (alice and bob are the first two --user accounts):
#   login      both log in (STARTTLS verified against --cafile, SASL), send presence, fetch the roster
#   chat       alice -> bob and bob -> alice chat messages
#   subscribe  alice subscribes to bob; bob's client approves (auto_authorize) and subscribes back
#   offline    bob logs out, alice writes, bob logs in again and gets the message with a delay stamp
#   badpass    alice logs in with a wrong password and must be refused
import argparse
import asyncio
import json
import xml.etree.ElementTree as ET
import logging
import ssl
import sys

import slixmpp

ap = argparse.ArgumentParser()
ap.add_argument("--host", default="127.0.0.1")
ap.add_argument("--port", type=int, required=True)
ap.add_argument("--domain", required=True)
ap.add_argument("--cafile", required=True)
ap.add_argument("--user", action="append", required=True)
ap.add_argument("--mech", default=None)
ap.add_argument("--steps", default="login,chat")
ap.add_argument("--timeout", type=float, default=10)
ap.add_argument("--debug", action="store_true")
a = ap.parse_args()
logging.basicConfig(level=logging.DEBUG if a.debug else logging.ERROR, stream=sys.stderr)
ACCOUNTS = [u.split(":", 1) for u in a.user]


def out(**kw):
    print(json.dumps(kw), flush=True)


class Client(slixmpp.ClientXMPP):
    def __init__(self, user, password, resource):
        super().__init__("%s@%s/%s" % (user, a.domain, resource), password)
        self.ca_certs = a.cafile  # the server's self-signed certificate: verified, not ignored
        if a.mech:
            self.plugin["feature_mechanisms"].use_mech = a.mech
        self.inbox = asyncio.Queue()
        self.started = asyncio.Event()
        self.failed = asyncio.Event()
        self.add_event_handler("session_start", self.on_start)
        self.add_event_handler("message", self.on_message)
        self.add_event_handler("failed_auth", lambda _: self.failed.set())

    async def on_start(self, _):
        self.send_presence()
        await self.get_roster()
        self.started.set()

    def on_message(self, msg):
        if msg["type"] in ("chat", "normal") and msg["body"]:
            self.inbox.put_nowait(msg)

    async def login(self):
        self.connect((a.host, a.port))
        done, _ = await asyncio.wait(
            [asyncio.ensure_future(self.started.wait()), asyncio.ensure_future(self.failed.wait())],
            timeout=a.timeout, return_when=asyncio.FIRST_COMPLETED)
        if self.failed.is_set():
            return False
        if not self.started.is_set():
            raise TimeoutError("%s: no session after %ss" % (self.boundjid, a.timeout))
        mech = getattr(self.plugin["feature_mechanisms"], "mech", None)
        sock = self.transport.get_extra_info("ssl_object") if self.transport else None
        out(ev="login", jid=str(self.boundjid), mech=mech.name if mech else None,
            tls=sock.version() if sock else None, cipher=sock.cipher()[0] if sock else None)
        return True

    async def logout(self):
        self.disconnect()
        await asyncio.wait_for(self.disconnected, a.timeout)


async def expect(client, body):
    while True:
        msg = await asyncio.wait_for(client.inbox.get(), a.timeout)
        if msg["body"] == body:
            delay = msg.xml.find("{urn:xmpp:delay}delay")
            out(ev="message", to=str(client.boundjid), frm=str(msg["from"]), body=msg["body"], type=msg["type"],
                delay=delay.get("stamp") if delay is not None else None)
            return msg

MUC = "http://jabber.org/protocol/muc"


async def muc(alice, bob):
    """XEP-0045 with raw stanzas: alice creates a moderated room, bob enters as a visitor and is refused; alice's groupchat reaches bob."""
    room = "lab@conference.%s" % a.domain
    loop = asyncio.get_event_loop()
    selves = {c: loop.create_future() for c in (alice, bob)}
    errors = {c: asyncio.Queue() for c in (alice, bob)}
    chats = {c: asyncio.Queue() for c in (alice, bob)}
    for c in (alice, bob):
        def on_presence(p, c=c):
            if p["from"].bare == room and p.xml.find("{%s#user}x/{%s#user}status[@code='110']" % (MUC, MUC)) is not None and not selves[c].done():
                item = p.xml.find("{%s#user}x/{%s#user}item" % (MUC, MUC))
                selves[c].set_result({"role": item.get("role"), "affiliation": item.get("affiliation"),
                                      "codes": sorted(int(s.get("code")) for s in p.xml.findall("{%s#user}x/{%s#user}status" % (MUC, MUC)))})
        c.add_event_handler("presence", on_presence)
        c.add_event_handler("message_error", lambda m, c=c: errors[c].put_nowait(m))
        c.add_event_handler("message", lambda m, c=c: chats[c].put_nowait(m) if m["type"] == "groupchat" and m["body"] else None)
    join = alice.make_presence(pto=room + "/Alice")
    join.append(ET.Element("{%s}x" % MUC))
    join.send()
    me = await asyncio.wait_for(selves[alice], a.timeout)
    out(ev="muc-self", who="alice", **me)
    iq = alice.make_iq_set(ito=room)
    iq.append(ET.fromstring("<query xmlns='%s#owner'><x xmlns='jabber:x:data' type='submit'>"
                            "<field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig</value></field>"
                            "<field var='muc#roomconfig_moderatedroom'><value>1</value></field></x></query>" % MUC))
    await iq.send(timeout=a.timeout)
    join = bob.make_presence(pto=room + "/Bob")
    join.append(ET.Element("{%s}x" % MUC))
    join.send()
    me = await asyncio.wait_for(selves[bob], a.timeout)
    out(ev="muc-self", who="bob", **me)
    bob.send_message(mto=room, mbody="may I speak?", mtype="groupchat")
    err = await asyncio.wait_for(errors[bob].get(), a.timeout)
    out(ev="muc-refused", condition=err["error"]["condition"], type=err["error"]["type"], frm=str(err["from"]))
    alice.send_message(mto=room, mbody="welcome to the lab", mtype="groupchat")
    m = await asyncio.wait_for(chats[bob].get(), a.timeout)
    out(ev="muc-message", to="bob", frm=str(m["from"]), body=m["body"])


async def main():
    steps = a.steps.split(",")
    (ua, pa), (ub, pb) = ACCOUNTS[0], ACCOUNTS[1] if len(ACCOUNTS) > 1 else (None, None)
    alice = bob = None
    if "badpass" in steps:
        bad = Client(ua, pa + "-wrong", "bad")
        ok = await bad.login()
        out(ev="badpass", refused=not ok)
        bad.disconnect()
        if ok:
            raise AssertionError("a wrong password was accepted")
    if "login" in steps:
        alice, bob = Client(ua, pa, "slix"), Client(ub, pb, "slix")
        if not all(await asyncio.gather(alice.login(), bob.login())):
            raise AssertionError("login refused")
    if "chat" in steps:
        alice.send_message(mto="%s@%s" % (ub, a.domain), mbody="hi bob, from slixmpp", mtype="chat")
        await expect(bob, "hi bob, from slixmpp")
        bob.send_message(mto="%s@%s" % (ua, a.domain), mbody="hi alice, from slixmpp", mtype="chat")
        await expect(alice, "hi alice, from slixmpp")
    if "subscribe" in steps:
        bare_b = "%s@%s" % (ub, a.domain)
        saw_presence = asyncio.Event()
        alice.add_event_handler("got_online", lambda p: saw_presence.set() if p["from"].bare == bare_b else None)
        alice.send_presence_subscription(pto=bare_b)
        item = None
        for _ in range(int(a.timeout * 10)):
            await asyncio.sleep(0.1)
            item = alice.client_roster[bare_b]
            if item["subscription"] in ("to", "both") and saw_presence.is_set():
                break
        out(ev="subscription", jid=bare_b, subscription=item["subscription"], presence=saw_presence.is_set())
        if item["subscription"] not in ("to", "both") or not saw_presence.is_set():
            raise AssertionError("subscription not approved / no presence from %s" % bare_b)
    if "offline" in steps:
        await bob.logout()
        await asyncio.sleep(0.3)
        alice.send_message(mto="%s@%s" % (ub, a.domain), mbody="sent while you were offline", mtype="chat")
        await asyncio.sleep(0.3)
        bob = Client(ub, pb, "slix2")
        await bob.login()
        m = await expect(bob, "sent while you were offline")
        if m.xml.find("{urn:xmpp:delay}delay") is None:
            raise AssertionError("offline message without a delay stamp")
    if "muc" in steps:
        await muc(alice, bob)
    for c in (alice, bob):
        if c is not None:
            await c.logout()
    out(ev="ok")


try:
    asyncio.get_event_loop().run_until_complete(asyncio.wait_for(main(), a.timeout * 6))
except Exception as e:  # noqa: BLE001 - every failure is reported as a line
    out(ev="fail", error="%s: %s" % (type(e).__name__, e))
    sys.exit(1)
