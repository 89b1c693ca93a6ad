package org.prefixd.web.osgi;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.prefixd.api.InterfaceName;
import org.prefixd.web.EventHub;
import org.prefixd.web.EventJournal;
import org.prefixd.web.SseFrames;

/**
 * The "prefixd" page of the web console (/system/console/prefixd) and, under it, behind the same
 * login: state.json (the snapshot), events (server-sent events, README "Event stream") and the
 * renew/release actions (POST with the header X-Prefixd-Action, which no other site's form can set).
 */
@Component(service = Servlet.class, property = {ServletConstants.PLUGIN_LABEL + "=" + PrefixdPlugin.LABEL,
        ServletConstants.PLUGIN_TITLE + "=prefixd", ServletConstants.PLUGIN_CATEGORY + "=prefixd",
        ServletConstants.PLUGIN_CSS_REFERENCES + "=/" + PrefixdPlugin.LABEL + "/res/prefixd.css"})
public final class PrefixdPlugin extends AbstractServlet {
    static final String LABEL = "prefixd";
    private static final long serialVersionUID = 1L;
    private final transient WebState state;

    @Activate
    public PrefixdPlugin(@Reference WebState state) {
        this.state = state;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "/" + LABEL + "/state.json" -> {
                Optional<String> link = link(request, response);
                if (link == null) return;
                setNoCache(response);
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(state.stateJson(link));
            }
            case "/" + LABEL + "/events" -> stream(request, response);
            default -> super.doGet(request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String action = path.equals("/" + LABEL + "/renew") ? "renew" : path.equals("/" + LABEL + "/release") ? "release" : null;
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        if (action == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (request.getHeader("X-Prefixd-Action") == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "X-Prefixd-Action header missing");
            return;
        }
        String link = request.getParameter("link");
        response.getWriter().println(state.act(action, link == null ? "" : link));
    }

    /** The ?link= filter: empty for all links; null (after a 400) for a name that cannot be an interface. */
    private static Optional<String> link(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String link = request.getParameter("link");
        if (link == null || link.isEmpty()) return Optional.empty();
        String problem = InterfaceName.problemWith(link);
        if (problem != null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "link: " + problem);
            return null;
        }
        return Optional.of(link);
    }

    /** The ?mac= filter (seed 001): only the lanlease events of that LAN client; null (after a 400) for what is not a MAC. */
    private static Optional<String> mac(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String mac = request.getParameter("mac");
        if (mac == null || mac.isEmpty()) return Optional.empty();
        if (!mac.matches("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "mac: not aa:bb:cc:dd:ee:ff");
            return null;
        }
        return Optional.of(mac.toLowerCase(java.util.Locale.ROOT));
    }

    private void stream(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> link = link(request, response);
        if (link == null) return;
        Optional<String> mac = mac(request, response);
        if (mac == null) return;
        long lastId = lastEventId(request);
        Optional<EventHub.Client> joined = state.hub().join(link, mac);
        if (joined.isEmpty()) {
            response.setHeader("Retry-After", "10");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "too many event stream clients");
            return;
        }
        EventHub.Client client = joined.get();
        try {
            setNoCache(response);
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            PrintWriter out = response.getWriter();
            out.write(SseFrames.retry());
            long sent;
            Optional<List<EventJournal.Entry>> missed = lastId < 0 ? Optional.empty() : state.journal().after(lastId);
            if (missed.isPresent()) {
                sent = lastId;
                for (EventJournal.Entry e : missed.get()) {
                    if (client.wants(e)) out.write(SseFrames.event(e));
                    sent = e.id();
                }
            } else {
                sent = state.journal().lastId();
                out.write(SseFrames.snapshot(sent, state.stateJson(link)));
            }
            out.flush();
            while (!out.checkError()) {
                EventJournal.Entry e = client.next(state.keepAlive);
                if (client.dropped()) {
                    out.write(SseFrames.dropped());
                    out.flush();
                    break;
                }
                if (e == null) out.write(SseFrames.keepAlive());
                else if (e.id() > sent) {
                    out.write(SseFrames.event(e));
                    sent = e.id();
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            state.hub().leave(client);
        }
    }

    private static long lastEventId(HttpServletRequest request) {
        String v = request.getHeader("Last-Event-ID");
        if (v == null) v = request.getParameter("lastEventId");
        if (v == null) return -1;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1; // not one of ours: a snapshot
        }
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().print(readTemplateFile("/res/prefixd.html"));
    }
}
