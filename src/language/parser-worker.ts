/**
 * The worker thread that parses large journeys for the language server on the desktop
 * (`ThreadedParser`): it gets a text and answers with the parse result in `EncodedParse` form.
 */
import { EmptyFileSystem } from 'langium';
import { parentPort } from 'node:worker_threads';
import { createJourneyServices } from './journey-module.js';
import { encodeParse } from './parse-transfer.js';
import type { ParseReply, ParseRequest } from './threaded-parser.js';

const { Journey } = createJourneyServices(EmptyFileSystem);
const port = parentPort;
if (!port) throw new Error('parser-worker runs as a worker thread of the journey language server, not on its own.');

port.on('message', ({ id, text }: ParseRequest) => {
    let reply: ParseReply;
    try {
        reply = { id, encoded: encodeParse(Journey, Journey.parser.LangiumParser.parse(text)) };
    } catch (error) {
        reply = { id, error: error instanceof Error ? error.stack ?? error.message : String(error) };
    }
    port.postMessage(reply, reply.encoded ? [reply.encoded.cst.buffer, reply.encoded.ast.buffer, reply.encoded.astChunkEnds.buffer] as ArrayBuffer[] : []);
});
