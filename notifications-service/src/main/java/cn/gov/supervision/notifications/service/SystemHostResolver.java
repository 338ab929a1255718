package cn.gov.supervision.notifications.service;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The system's resolver (DNS, /etc/hosts): what production uses; tests put a resolver of their own in its place. */
@DefaultBean
@ApplicationScoped
public class SystemHostResolver implements HostResolver {

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
