package cn.fupin.reevaluation;

/**
 * A remote run failed for a reason of its own making (the broker refused a range's request, or ranges did not
 * answer): its message names ranges, queues and settings only, never data, so the run's progress shows it as
 * it is (other failures show only their exception's class, as a driver's message can quote a stored value).
 */
class RangesFailed extends RuntimeException {

    RangesFailed(String message) {
        super(message);
    }
}
