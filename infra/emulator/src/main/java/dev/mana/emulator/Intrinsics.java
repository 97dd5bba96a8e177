package dev.mana.emulator;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Evaluates the CloudFormation intrinsic functions template.yaml uses (Ref, GetAtt, Sub,
 * FindInMap, Join, Select, If with its Conditions) against the physical resources of an emulated
 * stack. {@code Ref AWS::NoValue} gives {@link #NO_VALUE}: the property is left out.
 */
final class Intrinsics {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    /** What a Ref or a GetAtt of a logical id gives. */
    interface Lookup {
        Object ref(String logicalId);

        Object attribute(String logicalId, String attribute);
    }

    /** What {@code Ref AWS::NoValue} resolves to. */
    static final Object NO_VALUE = new Object();

    private final Template template;
    private final Lookup lookup;

    Intrinsics(Template template, Lookup lookup) {
        this.template = template;
        this.lookup = lookup;
    }

    String text(Object value) {
        return String.valueOf(resolve(value));
    }

    @SuppressWarnings("unchecked")
    Object resolve(Object value) {
        if (value instanceof Map<?, ?> raw && raw.size() == 1) {
            var map = (Map<String, Object>) raw;
            var entry = map.entrySet().iterator().next();
            Object argument = entry.getValue();
            switch (entry.getKey()) {
                case "Ref":
                    return ref((String) argument);
                case "Fn::GetAtt": {
                    List<Object> parts = (List<Object>) argument;
                    return lookup.attribute((String) parts.get(0), (String) parts.get(1));
                }
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::FindInMap": {
                    List<Object> parts = (List<Object>) argument;
                    var top = Template.map(template.mappings().get(text(parts.get(0))));
                    return Template.map(top.get(text(parts.get(1)))).get(text(parts.get(2)));
                }
                case "Fn::Join": {
                    List<Object> parts = (List<Object>) argument;
                    return ((List<Object>) parts.get(1))
                            .stream().map(this::text).collect(Collectors.joining(text(parts.get(0))));
                }
                case "Fn::If": {
                    List<Object> parts = (List<Object>) argument;
                    return resolve(condition(text(parts.get(0))) ? parts.get(1) : parts.get(2));
                }
                case "Fn::Select": {
                    List<Object> parts = (List<Object>) argument;
                    return ((List<Object>) resolve(parts.get(1))).get(Integer.parseInt(text(parts.get(0))));
                }
                default:
                    break;
            }
        }
        return value;
    }

    /** A condition of the template's Conditions section, by name. */
    boolean condition(String name) {
        Object definition = Template.map(template.document().get("Conditions")).get(name);
        if (definition == null) throw new IllegalStateException("No condition " + name + " in template.yaml");
        return test(definition);
    }

    @SuppressWarnings("unchecked")
    private boolean test(Object expression) {
        var entry = Template.map(expression).entrySet().iterator().next();
        List<Object> arguments =
                entry.getValue() instanceof List<?> list ? (List<Object>) list : List.of(entry.getValue());
        return switch (entry.getKey()) {
            case "Fn::Equals" -> text(arguments.get(0)).equals(text(arguments.get(1)));
            case "Fn::Not" -> !test(arguments.get(0));
            case "Fn::And" -> arguments.stream().allMatch(this::test);
            case "Fn::Or" -> arguments.stream().anyMatch(this::test);
            case "Condition" -> condition(String.valueOf(arguments.get(0)));
            default -> throw new IllegalStateException("Unsupported condition function " + entry.getKey());
        };
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) return NO_VALUE;
        if (name.contains(".")) { // SAM's Api.Stage, Function.Alias...
            String[] parts = name.split("\\.", 2);
            return lookup.attribute(parts[0], parts[1]);
        }
        Object parameter = template.parameters().get(name);
        if (parameter != null) return Template.map(parameter).get("Default");
        return lookup.ref(name);
    }

    @SuppressWarnings("unchecked")
    private String sub(Object argument) {
        String pattern;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            pattern = (String) list.get(0);
            variables = (Map<String, Object>) list.get(1);
        } else {
            pattern = (String) argument;
        }
        Matcher matcher = SUB_VARIABLE.matcher(pattern);
        var out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value;
            if (variables.containsKey(name)) value = resolve(variables.get(name));
            else if (name.contains(".") && !name.startsWith("AWS::")) {
                String[] parts = name.split("\\.", 2);
                value = lookup.attribute(parts[0], parts[1]);
            } else value = ref(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
