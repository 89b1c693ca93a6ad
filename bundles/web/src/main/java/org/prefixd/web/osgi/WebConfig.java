package org.prefixd.web.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "prefixd web",
        description = "The login of the web console and of the event stream, and the stream's limits. Without a username and password, prefixd generates a login at first start into web-credentials in its state directory (mode 0600) and logs it once.")
public @interface WebConfig {
    @AttributeDefinition(name = "Username", description = "Empty: the generated login", required = false)
    String username() default "";

    @AttributeDefinition(name = "Password", description = "At least 8 printable characters, never 'admin'; empty: the generated login", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Event stream clients", description = "At most this many event streams at once; more get 503", min = "1", max = "256")
    int max_clients() default 8;

    @AttributeDefinition(name = "Client queue", description = "A stream client this many events behind is dropped", min = "8", max = "10000")
    int client_queue() default 256;

    @AttributeDefinition(name = "Journal", description = "Events kept for Last-Event-ID resumption and the page's last events", min = "16", max = "100000")
    int journal() default 256;

    @AttributeDefinition(name = "Keep-alive (s)", description = "A comment line on an idle stream this often", min = "1", max = "55")
    int keepalive() default 15;
}
