// PostGraphile 5 over the benchmark tables, as its documentation sets it up: the Amber preset plus the
// connection-filter plugin, so range filters such as publishedYear >= 2000 exist. The harness passes the
// database, the port and the pool size in the environment so that every contender gets the same connections.
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.PEERS_DATABASE_URL,
      schemas: ["public"],
      poolConfig: { max: Number(process.env.PEERS_POOL_SIZE || 8) },
    }),
  ],
  grafserv: {
    port: Number(process.env.PEERS_PORT || 5678),
    host: "127.0.0.1",
    graphiql: false,
    watch: false,
  },
  grafast: {
    explain: false,
  },
};

export default preset;
