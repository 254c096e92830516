package dev.revoketokenbot.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * In a training run ({@link TrainingSettings}) the named InfluxDB targets are not there, however
 * they are set: the run knows one InfluxDB, a closed loopback port, and calls no real one. Any other
 * run sees every setting as given.
 */
public class TrainingHidesTargets implements ConfigSourceInterceptor {

    private static final String PROPERTY = "influx.targets.";
    private static final String VARIABLE = "INFLUX_TARGETS_";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (name.startsWith(PROPERTY) && isTraining(context)) {
            return null;
        }
        return context.proceed(name);
    }

    @Override
    public Iterator<String> iterateNames(ConfigSourceInterceptorContext context) {
        if (!isTraining(context)) {
            return context.iterateNames();
        }
        List<String> names = new ArrayList<>();
        context.iterateNames().forEachRemaining(name -> {
            if (!name.startsWith(PROPERTY) && !name.startsWith(VARIABLE)) {
                names.add(name);
            }
        });
        return names.iterator();
    }

    private static boolean isTraining(ConfigSourceInterceptorContext context) {
        return isTrue(context.proceed(TrainingSettings.TRAINING)) || isTrue(context.proceed(TrainingSettings.APPCDS));
    }

    private static boolean isTrue(ConfigValue value) {
        return value != null && "true".equals(value.getValue());
    }
}
