// Serves the preset in graphile.config.mjs over plain node:http, the smallest way PostGraphile 5 documents.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/node";
import preset from "./graphile.config.mjs";

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.once("listening", () => console.log(`PostGraphile listening on ${preset.grafserv.port}`));
serv.addTo(server).catch((e) => {
  console.error(e);
  process.exit(1);
});
server.listen(preset.grafserv.port, preset.grafserv.host);
