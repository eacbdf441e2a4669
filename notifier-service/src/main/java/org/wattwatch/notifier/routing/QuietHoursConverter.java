package org.wattwatch.notifier.routing;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets properties say {@code quiet-hours: 23:00-07:00}. */
@Component
@ConfigurationPropertiesBinding
class QuietHoursConverter implements Converter<String, QuietHours> {

    @Override
    public QuietHours convert(String source) {
        return source.isBlank() ? null : QuietHours.parse(source);
    }
}
