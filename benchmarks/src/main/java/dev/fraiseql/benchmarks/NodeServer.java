package dev.fraiseql.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * PostGraphile in its own Node process: started in its own session (so a hang-up of the terminal cannot end
 * it), frozen with SIGSTOP while another contender is measured, and measured by its process CPU time.
 */
final class NodeServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private NodeServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code server.mjs} from the folder where npm installed PostGraphile and waits until it answers.
     *
     * @param databaseUrl a {@code postgresql://} URL of the benchmark database
     */
    static NodeServer start(Path node, Path folder, String databaseUrl, int poolSize)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = folder.resolve("postgraphile.log");
        ProcessBuilder pb = new ProcessBuilder(List.of("setsid", node.toString(), "server.mjs"))
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("NODE_ENV", "production");
        pb.environment().put("PEERS_DATABASE_URL", databaseUrl);
        pb.environment().put("PEERS_PORT", Integer.toString(port));
        pb.environment().put("PEERS_POOL_SIZE", Integer.toString(poolSize));
        NodeServer server = new NodeServer(pb.start(), port, log);
        server.awaitReady();
        // setsid forks when it cannot lead a new session in place; the pid held would then not be Node's, and
        // its CPU time would read as zero.
        String comm = Files.readString(Path.of("/proc", Long.toString(server.process.pid()), "comm")).strip();
        if (!comm.equals("node")) {
            server.close();
            throw new IllegalStateException("Process " + server.process.pid() + " is '" + comm + "', not node");
        }
        return server;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostGraphile exited:\n" + Files.readString(log));
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build();
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).body().contains("Query")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("PostGraphile did not answer within 90 s:\n" + Files.readString(log));
    }

    String url() {
        return "http://127.0.0.1:" + port + "/graphql";
    }

    /** CPU seconds (user + system) of the Node process, all its threads. */
    double cpuSeconds() {
        return CpuClock.processSeconds(process.pid());
    }

    void pause() {
        signal("-STOP");
    }

    void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot signal PostGraphile", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            resume();
            process.destroy();
        }
    }
}
