package org.prefixd.it.osgi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.AssumptionViolatedException;
import org.junit.Test;
import org.junit.runner.Description;
import org.junit.runner.Runner;
import org.junit.runner.manipulation.Filter;
import org.junit.runner.manipulation.Filterable;
import org.junit.runner.manipulation.NoTestsRemainException;
import org.junit.runner.manipulation.Sortable;
import org.junit.runner.manipulation.Sorter;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunNotifier;
import org.junit.runners.model.InitializationError;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * {@link PaxExam} for tests that need wan0: without the network namespace each test is reported
 * skipped, with the reason, and no framework is started.
 *
 * <p>Why not {@code Assume} in the test: Pax Exam 4.14.0 runs the test method inside the
 * framework and its JUnit listener there (ProbeRunListener) does not pass assumption failures
 * on, so a skipped test would be reported as passed (tried: {@code Assume.assumeTrue(false)} in a
 * PaxExam test came out as "Tests run: 1, Skipped: 0").
 */
public final class NamespaceRunner extends Runner implements Filterable, Sortable {
    private final Runner delegate;
    private final String skipReason;
    private final Class<?> testClass;
    private final List<Description> skipped = new ArrayList<>();

    public NamespaceRunner(Class<?> testClass) throws InitializationError {
        this.testClass = testClass;
        Optional<String> why = WanNamespace.whyUnavailable();
        if (why.isEmpty()) {
            delegate = new PaxExam(testClass);
            skipReason = null;
            return;
        }
        delegate = null;
        skipReason = why.get();
        for (var method : testClass.getMethods()) {
            if (method.isAnnotationPresent(Test.class)) skipped.add(Description.createTestDescription(testClass, method.getName()));
        }
    }

    @Override
    public Description getDescription() {
        if (delegate != null) return delegate.getDescription();
        Description suite = Description.createSuiteDescription(testClass);
        skipped.forEach(suite::addChild);
        return suite;
    }

    @Override
    public void run(RunNotifier notifier) {
        if (delegate != null) {
            delegate.run(notifier);
            return;
        }
        for (Description test : skipped) {
            notifier.fireTestStarted(test);
            notifier.fireTestAssumptionFailed(new Failure(test, new AssumptionViolatedException(skipReason)));
            notifier.fireTestFinished(test);
        }
    }

    @Override
    public void filter(Filter filter) throws NoTestsRemainException {
        if (delegate != null) {
            ((Filterable) delegate).filter(filter);
            return;
        }
        skipped.removeIf(test -> !filter.shouldRun(test));
        if (skipped.isEmpty()) throw new NoTestsRemainException();
    }

    @Override
    public void sort(Sorter sorter) {
        if (delegate != null) ((Sortable) delegate).sort(sorter);
        else skipped.sort(sorter);
    }
}
