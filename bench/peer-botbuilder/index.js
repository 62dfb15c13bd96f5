// The peer of Mamori's Bot Framework load run: a botbuilder-js diagnosis bot on Node's own http server.
// No app id, so the adapter accepts unauthenticated activities, as it does for the Bot Framework Emulator.
// Usage: node index.js [port]   (or PORT=3978 node index.js)
'use strict';

const http = require('http');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, UserState } = require('botbuilder');
const { DiagnosisBot } = require('./bot');
const { DiagnosisDialog } = require('./diagnosisDialog');

const port = Number(process.argv[2] || process.env.PORT || 3978);

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
    console.error(`onTurnError: ${error.stack || error}`);
    await context.sendActivity('エラーが発生しました。もう一度お試しください。');
};

const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const userState = new UserState(storage);
const bot = new DiagnosisBot(conversationState, userState, new DiagnosisDialog(userState));

// The adapter expects a parsed body and restify/express-style response methods; Node's http has neither.
function readJson(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        req.on('data', chunk => chunks.push(chunk));
        req.on('end', () => {
            try {
                resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (error) {
                reject(error);
            }
        });
        req.on('error', reject);
    });
}

function expressStyle(res) {
    return {
        status(code) { res.statusCode = code; },
        header(name, value) { res.setHeader(name, value); },
        send(body) {
            if (typeof body === 'object') {
                res.setHeader('Content-Type', 'application/json; charset=utf-8');
                res.write(JSON.stringify(body));
            } else {
                res.write(String(body));
            }
        },
        end() { res.end(); },
    };
}

const server = http.createServer(async (req, res) => {
    if (req.url !== '/api/messages') {
        res.writeHead(404).end();
        return;
    }
    try {
        req.body = await readJson(req);
    } catch {
        res.writeHead(400).end('The body is not JSON.');
        return;
    }
    await adapter.process(req, expressStyle(res), context => bot.run(context));
});

server.listen(port, '127.0.0.1', () => {
    const { version } = require('botbuilder/package.json');
    // The load run waits for this line.
    console.log(`listening on http://127.0.0.1:${port}/api/messages (botbuilder ${version}, Node ${process.version})`);
});
