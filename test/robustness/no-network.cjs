// Preloaded into a process under test (`node --require`): every way out to the network is
// refused, and reported on stderr with a stack, so that a test can fail on it.
'use strict';
const net = require('node:net');
const tls = require('node:tls');
const dgram = require('node:dgram');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');

function refuse(what) {
  return function refused() {
    const error = new Error(`network access refused: ${what}`);
    process.stderr.write(`NETWORK-ACCESS ${what}\n${error.stack}\n`);
    throw error;
  };
}

net.Socket.prototype.connect = refuse('net.Socket.connect');
net.Server.prototype.listen = refuse('net.Server.listen');
tls.connect = refuse('tls.connect');
dgram.createSocket = refuse('dgram.createSocket');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[name] = refuse(`dns.${name}`);
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns.promises[name] = refuse(`dns.promises.${name}`);
for (const [label, module] of [['http', http], ['https', https]]) {
  module.request = refuse(`${label}.request`);
  module.get = refuse(`${label}.get`);
}
globalThis.fetch = refuse('fetch');
globalThis.WebSocket = refuse('WebSocket');
